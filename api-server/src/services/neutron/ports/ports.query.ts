// Filtering, sorting and paging of GET /v2.0/ports: any attribute (device_id, network_id,
// mac_address…), fixed_ips=ip_address=X / subnet_id=Y as the clients send it, and the tag filters.
import type { Port } from '../../../../../crds/types.generated.js';
import { anyOf, tagFilters, type FilterMatcher, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { boolFilter, changedSince } from '../neutron.query.js';
import { portView } from './ports.view.js';

/** `fixed_ips=ip_address=10.0.0.5` and `fixed_ips=subnet_id=<id>`, each value one condition, all to hold. */
const fixedIpsFilter: FilterMatcher<Port> = (values) => {
  const conds = values.map((v) => v.split('=')).map(([k, ...rest]) => [k, rest.join('=')] as const);
  return (p) =>
    conds.every(([k, v]) => (p.spec.fixedIps ?? []).some((f) => (k === 'ip_address' ? f.ipAddress === v : k === 'subnet_id' ? f.subnetId === v : false)));
};

const SORT_KEYS: Record<string, (p: Port) => SortValue> = {
  id: (p) => p.metadata.name,
  name: (p) => p.spec.name,
  network_id: (p) => p.spec.networkId,
  mac_address: (p) => p.spec.macAddress,
  device_id: (p) => p.spec.deviceId ?? '',
  device_owner: (p) => p.spec.deviceOwner ?? '',
  status: (p) => portView(p, true).status,
  tenant_id: (p) => p.spec.projectId,
  project_id: (p) => p.spec.projectId,
  created_at: (p) => portView(p, true).created_at,
};

export const portListSpec: ListSpec<Port> = {
  collection: 'ports',
  filters: {
    id: anyOf((p) => p.metadata.name),
    name: anyOf((p) => p.spec.name),
    description: anyOf((p) => p.spec.description ?? ''),
    network_id: anyOf((p) => p.spec.networkId),
    mac_address: anyOf((p) => p.spec.macAddress),
    device_id: anyOf((p) => p.spec.deviceId ?? ''),
    device_owner: anyOf((p) => p.spec.deviceOwner ?? ''),
    status: anyOf((p) => portView(p, true).status),
    tenant_id: anyOf((p) => p.spec.projectId),
    project_id: anyOf((p) => p.spec.projectId),
    'binding:host_id': (values, auth) => (auth.isAdmin ? anyOf<Port>((p) => p.spec.bindingHostId ?? '')(values, auth) : undefined),
    admin_state_up: boolFilter<Port>((p) => p.spec.adminStateUp ?? true),
    port_security_enabled: boolFilter<Port>((p) => p.spec.portSecurityEnabled ?? true),
    changed_since: changedSince<Port>((p) => portView(p, true).updated_at),
    fixed_ips: fixedIpsFilter,
    revision_number: anyOf((p) => p.metadata.generation ?? 1),
    ...tagFilters<Port>((p) => p.spec.tags ?? []),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (p) => p.metadata.name,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Port ${marker} could not be found.`,
  fields: true,
};
