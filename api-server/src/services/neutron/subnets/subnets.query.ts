// Filtering, sorting and paging of GET /v2.0/subnets, as for networks.
import type { Subnet } from '../../../../../crds/types.generated.js';
import { anyOf, tagFilters, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { boolFilter, changedSince } from '../neutron.query.js';
import { subnetView } from './subnets.view.js';

const SORT_KEYS: Record<string, (s: Subnet) => SortValue> = {
  id: (s) => s.metadata.name,
  name: (s) => s.spec.name,
  network_id: (s) => s.spec.networkId,
  ip_version: (s) => s.spec.ipVersion,
  cidr: (s) => s.spec.cidr,
  tenant_id: (s) => s.spec.projectId,
  project_id: (s) => s.spec.projectId,
  created_at: (s) => subnetView(s).created_at,
  updated_at: (s) => subnetView(s).updated_at,
};

export const subnetListSpec: ListSpec<Subnet> = {
  collection: 'subnets',
  filters: {
    id: anyOf((s) => s.metadata.name),
    name: anyOf((s) => s.spec.name),
    description: anyOf((s) => s.spec.description ?? ''),
    network_id: anyOf((s) => s.spec.networkId),
    ip_version: anyOf((s) => s.spec.ipVersion),
    cidr: anyOf((s) => s.spec.cidr),
    gateway_ip: anyOf((s) => s.spec.gatewayIp ?? null),
    tenant_id: anyOf((s) => s.spec.projectId),
    project_id: anyOf((s) => s.spec.projectId),
    ipv6_ra_mode: anyOf((s) => s.spec.ipv6RaMode),
    ipv6_address_mode: anyOf((s) => s.spec.ipv6AddressMode),
    enable_dhcp: boolFilter<Subnet>((s) => s.spec.enableDhcp ?? true),
    revision_number: anyOf((s) => s.metadata.generation ?? 1),
    changed_since: changedSince<Subnet>((s) => subnetView(s).updated_at),
    ...tagFilters<Subnet>((s) => s.spec.tags ?? []),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (s) => s.metadata.name,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Subnet ${marker} could not be found.`,
  fields: true,
};
