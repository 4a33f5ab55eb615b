// Filtering, sorting and paging of GET /flavors and /flavors/detail (Nova's _get_flavors).
import type { Flavor } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import type { FilterMatcher, ListSpec, SortValue } from '../../../common/list-query.js';
import { flavorListFilter } from './flavors.access.js';

const created = (f: Flavor): string => f.metadata.creationTimestamp ?? '';

/** Nova's flavor VALID_SORT_KEYS; `id` is Nova's row id, i.e. creation order. */
const SORT_KEYS: Record<string, (f: Flavor) => SortValue> = {
  created_at: created,
  description: (f) => f.spec.description ?? null,
  disabled: (f) => f.spec.disabled ?? false,
  ephemeral_gb: (f) => f.spec.ephemeralGiB ?? 0,
  flavorid: (f) => f.metadata.name,
  id: created,
  is_public: (f) => f.spec.isPublic !== false,
  memory_mb: (f) => f.spec.ramMiB,
  name: (f) => f.spec.name,
  root_gb: (f) => f.spec.diskGiB,
  rxtx_factor: (f) => f.spec.rxtxFactor ?? 1,
  swap: (f) => f.spec.swapMiB ?? 0,
  updated_at: created,
  vcpu_weight: () => null,
  vcpus: (f) => f.spec.vcpus,
};

export const FLAVOR_SORT_KEYS = Object.keys(SORT_KEYS);

/** minRam / minDisk: Python's int(), else 400 naming the filter as Nova does. */
function atLeast(filter: string, valueOf: (f: Flavor) => number): FilterMatcher<Flavor> {
  return (values) => {
    const v = values[values.length - 1].trim();
    if (!/^[-+]?\d+$/.test(v)) throw badRequest(`Invalid ${filter} filter [${v}]`);
    const min = Number(v);
    return (f) => valueOf(f) >= min;
  };
}

export const flavorListSpec: ListSpec<Flavor> = {
  collection: 'flavors',
  filters: {
    minRam: atLeast('minRam', (f) => f.spec.ramMiB),
    minDisk: atLeast('minDisk', (f) => f.spec.diskGiB),
  },
  baseFilter: flavorListFilter,
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'flavorid', dir: 'asc' },
  idOf: (f) => f.metadata.name,
  maxLimit: 1000,
};
