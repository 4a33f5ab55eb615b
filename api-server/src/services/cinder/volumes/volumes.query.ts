// Filtering, sorting and paging of GET /volumes(/detail), as Cinder's volume API does at each
// microversion: exact filters (an unknown status or name simply matches nothing), metadata as a
// dict literal, bootable read loosely before 3.2 and strictly from it, glance_metadata from 3.4,
// group_id from 3.10 (no volume is in a group), and the shared 3.31/3.34/3.60 rules
// (cinder.filters.ts) and paging (cinder.query.ts).
import type { Volume } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { anyOf, type FilterMatcher, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { parseBoolQuery } from '../../../common/pagination.js';
import { likeFilters, timeFilter } from '../cinder.filters.js';
import { at } from '../cinder.microversion.js';
import { cinderListSpec } from '../cinder.query.js';
import { volumeStatus } from './volumes.view.js';

/** `{"k": "v"}`, or the Python literal `{'k': 'v'}` that urlencoding a dict gives. */
export function parseMetadataFilter(raw: string): Record<string, string> {
  for (const text of [raw, raw.replace(/'/g, '"')]) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, string>;
    } catch {
      // try the next spelling
    }
  }
  throw badRequest(`Invalid input received: metadata filter ${raw} is not a dictionary.`);
}

function dictFilter<T>(of: (item: T) => Record<string, string> | undefined): FilterMatcher<T> {
  return (values) => {
    const wanted = parseMetadataFilter(values[values.length - 1]);
    return (item) => Object.entries(wanted).every(([k, val]) => of(item)?.[k] === String(val));
  };
}

/** `metadata={"k": "v"}` on a snapshot list (from 3.22). */
export const byMetadata: FilterMatcher<{ spec: { metadata?: Record<string, string> } }> = dictFilter((s) => s.spec.metadata);

/** Before 3.2 only "False", "false" and "FALSE" mean false, anything else true; from 3.2 Cinder's strict booleans. */
function byBootable(mv: string | undefined): FilterMatcher<Volume> {
  return (values) => {
    const raw = values[values.length - 1];
    const want = at(mv, 'VOLUME_LIST_BOOTABLE') ? parseBoolQuery(raw) : !['False', 'false', 'FALSE'].includes(raw);
    if (want === undefined) throw badRequest(`Invalid input received: bootable=${raw}`);
    return (v) => (v.spec.bootable === true) === want;
  };
}

const created = (v: Volume): string => v.metadata.creationTimestamp ?? '';

const SORT_KEYS: Record<string, (v: Volume) => SortValue> = {
  id: (v) => v.metadata.name,
  name: (v) => v.spec.name ?? null,
  display_name: (v) => v.spec.name ?? null,
  size: (v) => v.spec.size,
  status: volumeStatus,
  availability_zone: (v) => v.spec.availabilityZone,
  bootable: (v) => v.spec.bootable === true,
  created_at: created,
  updated_at: (v) => v.spec.updatedAt ?? created(v),
};

function versionedFilters(mv: string | undefined): Record<string, FilterMatcher<Volume>> {
  return {
    ...(at(mv, 'VOLUME_LIST_GLANCE_METADATA') ? { glance_metadata: dictFilter((v) => v.spec.imageMetadata) } : {}),
    ...(at(mv, 'VOLUME_LIST_GROUP') ? { group_id: () => () => false } : {}),
    ...likeFilters<Volume>(mv, { name: (v) => v.spec.name, description: (v) => v.spec.description, status: volumeStatus, availability_zone: (v) => v.spec.availabilityZone }),
    ...(at(mv, 'VOLUME_TIME_COMPARISON_FILTER') ? { created_at: timeFilter(created), updated_at: timeFilter((v) => v.spec.updatedAt ?? created(v)) } : {}),
  };
}

export function volumeListSpec(mv: string | undefined): ListSpec<Volume> {
  return {
    collection: 'volumes',
    filters: {
      name: anyOf((v) => v.spec.name ?? ''),
      display_name: anyOf((v) => v.spec.name ?? ''),
      status: anyOf(volumeStatus),
      availability_zone: anyOf((v) => v.spec.availabilityZone),
      size: anyOf((v) => v.spec.size),
      project_id: (values, auth) => (auth.isAdmin ? anyOf<Volume>((v) => v.spec.projectId)(values, auth) : undefined),
      metadata: dictFilter((v) => v.spec.metadata),
      bootable: byBootable(mv),
      ...versionedFilters(mv),
    },
    sortKeys: SORT_KEYS,
    ...cinderListSpec<Volume>(),
  };
}
