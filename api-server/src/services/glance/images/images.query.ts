// Filtering, sorting and paging of GET /v2/images (Glance's RequestDeserializer.index and
// _make_conditions_from_filters).
import type { Image } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { allTags, type FilterMatcher, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { imageListFilter } from './images.access.js';

/** Glance's `in:a,b` operator, else one exact value. */
function inOrEquals(valueOf: (i: Image) => string | undefined): FilterMatcher<Image> {
  return (values) => {
    const v = values[values.length - 1];
    const wanted = new Set(v.startsWith('in:') ? v.slice(3).split(',') : [v]);
    return (i) => {
      const actual = valueOf(i);
      return actual !== undefined && wanted.has(actual);
    };
  };
}

/** size, size_min and size_max: whole byte counts compared with the image's size (none before an upload). */
function bySize(param: string, holds: (size: number, bound: number) => boolean): FilterMatcher<Image> {
  return (values) => {
    const raw = values[values.length - 1];
    const bound = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(bound)) throw badRequest(`Invalid value for ${param}: ${raw}; it must be a whole number of bytes.`);
    return (i) => typeof i.status?.size === 'number' && holds(i.status.size, bound);
  };
}

const created = (i: Image): string => i.metadata.creationTimestamp ?? '';

/** Glance's _available_sort_keys. */
const SORT_KEYS: Record<string, (i: Image) => SortValue> = {
  name: (i) => i.spec.name ?? null,
  status: (i) => i.status?.status ?? 'queued',
  container_format: (i) => i.spec.containerFormat ?? null,
  disk_format: (i) => i.spec.diskFormat ?? null,
  size: (i) => i.status?.size ?? null,
  id: (i) => i.metadata.name,
  created_at: created,
  updated_at: created,
};

export const imageListSpec: ListSpec<Image> = {
  collection: 'images',
  filters: {
    id: inOrEquals((i) => i.metadata.name),
    name: inOrEquals((i) => i.spec.name),
    status: inOrEquals((i) => i.status?.status ?? 'queued'),
    container_format: inOrEquals((i) => i.spec.containerFormat),
    disk_format: inOrEquals((i) => i.spec.diskFormat),
    owner: inOrEquals((i) => i.spec.owner),
    tag: allTags((i) => i.spec.tags ?? []),
    size: bySize('size', (s, b) => s === b),
    size_min: bySize('size_min', (s, b) => s >= b),
    size_max: bySize('size_max', (s, b) => s <= b),
  },
  baseFilter: imageListFilter,
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'created_at', dir: 'desc' },
  sortParam: true,
  idOf: (i) => i.metadata.name,
  // Glance's limit_param_default and api_limit_max.
  defaultLimit: 25,
  maxLimit: 1000,
  markerNotFound: (marker) => `No image found with ID ${marker}`,
};
