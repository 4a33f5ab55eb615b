// Filtering, sorting and paging of GET /v2.0/floatingips: every attribute (the clients filter on
// floating_network_id, port_id, fixed_ip_address and floating_ip_address), and the tag filters.
import type { FloatingIP } from '../../../../../crds/types.generated.js';
import { anyOf, tagFilters, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { floatingIpStatus } from './floating-ips.view.js';

const SORT_KEYS: Record<string, (f: FloatingIP) => SortValue> = {
  id: (f) => f.metadata.name,
  floating_ip_address: (f) => f.spec.floatingIpAddress,
  floating_network_id: (f) => f.spec.floatingNetworkId,
  fixed_ip_address: (f) => f.spec.fixedIpAddress ?? '',
  port_id: (f) => f.spec.portId ?? '',
  router_id: (f) => f.spec.routerId ?? '',
  status: floatingIpStatus,
  tenant_id: (f) => f.spec.projectId,
  project_id: (f) => f.spec.projectId,
  created_at: (f) => f.metadata.creationTimestamp ?? '',
};

export const floatingIpListSpec: ListSpec<FloatingIP> = {
  collection: 'floatingips',
  filters: {
    id: anyOf((f) => f.metadata.name),
    description: anyOf((f) => f.spec.description ?? ''),
    floating_ip_address: anyOf((f) => f.spec.floatingIpAddress),
    floating_network_id: anyOf((f) => f.spec.floatingNetworkId),
    fixed_ip_address: anyOf((f) => f.spec.fixedIpAddress ?? ''),
    port_id: anyOf((f) => f.spec.portId ?? ''),
    router_id: anyOf((f) => (f.spec.portId ? (f.spec.routerId ?? '') : '')),
    status: anyOf(floatingIpStatus),
    tenant_id: anyOf((f) => f.spec.projectId),
    project_id: anyOf((f) => f.spec.projectId),
    revision_number: anyOf((f) => f.metadata.generation ?? 1),
    ...tagFilters<FloatingIP>((f) => f.spec.tags ?? []),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (f) => f.metadata.name,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Floating IP ${marker} could not be found`,
  fields: true,
};
