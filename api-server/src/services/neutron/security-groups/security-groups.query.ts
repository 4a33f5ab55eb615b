// Filtering, sorting and paging of GET /v2.0/security-groups.
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { anyOf, tagFilters, type ListSpec, type SortValue } from '../../../common/list-query.js';

const SORT_KEYS: Record<string, (g: SecurityGroup) => SortValue> = {
  id: (g) => g.metadata.name,
  name: (g) => g.spec.name,
  tenant_id: (g) => g.spec.projectId,
  project_id: (g) => g.spec.projectId,
  created_at: (g) => g.metadata.creationTimestamp ?? '',
};

export const securityGroupListSpec: ListSpec<SecurityGroup> = {
  collection: 'security_groups',
  filters: {
    id: anyOf((g) => g.metadata.name),
    name: anyOf((g) => g.spec.name),
    description: anyOf((g) => g.spec.description ?? ''),
    tenant_id: anyOf((g) => g.spec.projectId),
    project_id: anyOf((g) => g.spec.projectId),
    revision_number: anyOf((g) => g.metadata.generation ?? 1),
    ...tagFilters<SecurityGroup>((g) => g.spec.tags ?? []),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (g) => g.metadata.name,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Security group ${marker} does not exist`,
  fields: true,
};
