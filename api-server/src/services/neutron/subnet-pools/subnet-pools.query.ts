// Filtering, sorting and paging of GET /v2.0/subnetpools.
import type { SubnetPool } from '../../../../../crds/types.generated.js';
import { anyOf, tagFilters, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { boolFilter } from '../neutron.query.js';

const SORT_KEYS: Record<string, (p: SubnetPool) => SortValue> = {
  id: (p) => p.metadata.name,
  name: (p) => p.spec.name,
  ip_version: (p) => p.spec.ipVersion,
  tenant_id: (p) => p.spec.projectId,
  project_id: (p) => p.spec.projectId,
  created_at: (p) => p.metadata.creationTimestamp ?? '',
};

export const subnetPoolListSpec: ListSpec<SubnetPool> = {
  collection: 'subnetpools',
  filters: {
    id: anyOf((p) => p.metadata.name),
    name: anyOf((p) => p.spec.name),
    description: anyOf((p) => p.spec.description ?? ''),
    ip_version: anyOf((p) => p.spec.ipVersion),
    tenant_id: anyOf((p) => p.spec.projectId),
    project_id: anyOf((p) => p.spec.projectId),
    min_prefixlen: anyOf((p) => p.spec.minPrefixlen),
    max_prefixlen: anyOf((p) => p.spec.maxPrefixlen),
    default_prefixlen: anyOf((p) => p.spec.defaultPrefixlen),
    shared: boolFilter<SubnetPool>((p) => p.spec.shared ?? false),
    is_default: boolFilter<SubnetPool>((p) => p.spec.isDefault ?? false),
    revision_number: anyOf((p) => p.metadata.generation ?? 1),
    ...tagFilters<SubnetPool>((p) => p.spec.tags ?? []),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (p) => p.metadata.name,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Subnet pool ${marker} could not be found.`,
  fields: true,
};
