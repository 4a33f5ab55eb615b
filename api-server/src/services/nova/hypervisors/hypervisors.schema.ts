// Schemas of /os-hypervisors, as Nova's schemas/hypervisors.py: the response of each version
// this server advertises (2.1; cpu_info an object from 2.28; hypervisors_links from 2.33; uuids,
// servers and the pattern and with_servers filters from 2.53). The unions below admit every
// advertised version's body; the view picks the version's shape.
import { Type, type Static } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, strictObject } from '../../../common/parameter-types.js';
import { novaLinkList } from '../nova.schema.js';

const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

/** An integer below 2.53, a uuid from it. */
const hostIdentity = Type.Union([Type.Integer(), Type.String()]);
const hostedServer = strictObject({ name: Type.String(), uuid: Type.String() });

const hypervisorSummary = strictObject({
  id: hostIdentity,
  hypervisor_hostname: Type.String(),
  state: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  status: Type.Union([Type.Literal('enabled'), Type.Literal('disabled')]),
  servers: Type.Optional(Type.Array(hostedServer)),
});

const hypervisorDetail = strictObject({
  ...hypervisorSummary.properties,
  // A JSON string below 2.28, the object from 2.28 (virt-driver specific: no schema).
  cpu_info: Type.Union([Type.String(), Type.Record(Type.String(), Type.Unknown())]),
  current_workload: nullableInt,
  disk_available_least: Type.Optional(nullableInt),
  free_disk_gb: nullableInt,
  free_ram_mb: nullableInt,
  host_ip: Type.Union([Type.String(), Type.Null()]),
  hypervisor_type: Type.String(),
  hypervisor_version: Type.Union([Type.String(), Type.Integer()]),
  local_gb: Type.Integer(),
  local_gb_used: Type.Integer(),
  memory_mb: Type.Integer(),
  memory_mb_used: Type.Integer(),
  running_vms: nullableInt,
  service: strictObject({ disabled_reason: Type.Union([Type.String(), Type.Null()]), host: Type.String(), id: hostIdentity }),
  vcpus: Type.Integer(),
  vcpus_used: Type.Integer(),
});

const pageLinks = Type.Optional(novaLinkList);

export const listHypervisorsQuery = querySchema({ limit: queryInt, marker: queryString, hypervisor_hostname_pattern: queryString, with_servers: queryString });
export const showHypervisorQuery = querySchema({ with_servers: queryString });
export const listHypervisorsResponse = strictObject({ hypervisors: Type.Array(hypervisorSummary), hypervisors_links: pageLinks });
export const detailHypervisorsResponse = strictObject({ hypervisors: Type.Array(hypervisorDetail), hypervisors_links: pageLinks });
export const showHypervisorResponse = strictObject({ hypervisor: hypervisorDetail });
export const hypervisorUptimeResponse = strictObject({ hypervisor: strictObject({ ...hypervisorSummary.properties, uptime: Type.Union([Type.String(), Type.Null()]) }) });
export const searchHypervisorsResponse = strictObject({ hypervisors: Type.Array(hypervisorSummary) });

export const hypervisorStatisticsResponse = strictObject({
  hypervisor_statistics: strictObject({
    count: Type.Integer(),
    current_workload: nullableInt,
    disk_available_least: nullableInt,
    free_disk_gb: nullableInt,
    free_ram_mb: nullableInt,
    local_gb: Type.Integer(),
    local_gb_used: Type.Integer(),
    memory_mb: Type.Integer(),
    memory_mb_used: Type.Integer(),
    running_vms: nullableInt,
    vcpus: Type.Integer(),
    vcpus_used: Type.Integer(),
  }),
});

export type HypervisorSummary = Static<typeof hypervisorSummary>;
export type HypervisorDetail = Static<typeof hypervisorDetail>;
export type HypervisorStatistics = Static<typeof hypervisorStatisticsResponse>['hypervisor_statistics'];
