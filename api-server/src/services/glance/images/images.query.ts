// Filtering, sorting and paging of GET /v2/images (Glance's RequestDeserializer.index and
// _make_conditions_from_filters).
import type { Image } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { allTags, type FilterMatcher, type ListSpec, type Predicate, type Query, type SortValue } from '../../../common/list-query.js';
import { lastQueryValue } from '../../../common/pagination.js';
import { listImagesQuery } from './images.schema.js';
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

/**
 * Creation order: the apiserver's second, then the image's own write time (milliseconds, set when it
 * is made), so two images of one second keep their order as Glance's microsecond created_at does.
 */
const created = (i: Image): string => `${i.metadata.creationTimestamp ?? ''}|${i.spec.updatedAt ?? ''}`;
const updated = (i: Image): string => i.spec.updatedAt ?? i.metadata.creationTimestamp ?? '';

/** Glance's _available_sort_keys. */
const SORT_KEYS: Record<string, (i: Image) => SortValue> = {
  name: (i) => i.spec.name ?? null,
  status: (i) => i.status?.status ?? 'queued',
  container_format: (i) => i.spec.containerFormat ?? null,
  disk_format: (i) => i.spec.diskFormat ?? null,
  size: (i) => i.status?.size ?? null,
  id: (i) => i.metadata.name,
  created_at: created,
  updated_at: updated,
};

/**
 * The query keys Glance reads itself (those served, and those it has that are not served here
 * yet, still ignored as before); any other is a filter on an image property of that name.
 */
const GLANCE_KEYS = new Set([...Object.keys(listImagesQuery.properties), 'protected', 'created_at', 'updated_at', 'checksum', 'os_hash_value', 'os_hash_algo', 'virtual_size', 'min_ram', 'min_disk']);

/**
 * Glance's _make_conditions_from_filters: an unknown key filters on the extra property of that
 * name (exact match), as `?image_type=backup&instance_uuid=…` finds a server's backups.
 */
function propertyFilter(query: Query): Predicate<Image> {
  const wanted = Object.entries(query).filter(([k]) => !GLANCE_KEYS.has(k)).map(([k, v]) => [k, lastQueryValue(v)] as const);
  return (i) => wanted.every(([k, v]) => (k === 'container_image' ? i.spec.containerImage : i.spec.properties?.[k]) === v);
}

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
  baseFilter: (query, auth) => {
    const base = imageListFilter(query, auth);
    const props = propertyFilter(query);
    return (i) => base(i) && props(i);
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'created_at', dir: 'desc' },
  sortParam: true,
  idOf: (i) => i.metadata.name,
  // Glance's limit_param_default and api_limit_max.
  defaultLimit: 25,
  maxLimit: 1000,
  markerNotFound: (marker) => `No image found with ID ${marker}`,
};
