// Filtering, sorting and paging of GET /v2.0/routers.
import type { Router } from '../../../../../crds/types.generated.js';
import { anyOf, tagFilters, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { boolFilter } from '../neutron.query.js';

const SORT_KEYS: Record<string, (r: Router) => SortValue> = {
  id: (r) => r.metadata.name,
  name: (r) => r.spec.name,
  tenant_id: (r) => r.spec.projectId,
  project_id: (r) => r.spec.projectId,
  created_at: (r) => r.metadata.creationTimestamp ?? '',
};

export const routerListSpec: ListSpec<Router> = {
  collection: 'routers',
  filters: {
    id: anyOf((r) => r.metadata.name),
    name: anyOf((r) => r.spec.name),
    description: anyOf((r) => r.spec.description ?? ''),
    status: anyOf(() => 'ACTIVE'),
    tenant_id: anyOf((r) => r.spec.projectId),
    project_id: anyOf((r) => r.spec.projectId),
    admin_state_up: boolFilter<Router>((r) => r.spec.adminStateUp ?? true),
    revision_number: anyOf((r) => r.metadata.generation ?? 1),
    ...tagFilters<Router>((r) => r.spec.tags ?? []),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (r) => r.metadata.name,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Router ${marker} could not be found`,
  fields: true,
};
