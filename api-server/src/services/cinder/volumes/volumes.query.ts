// Filtering, sorting and paging of GET /volumes(/detail), as Cinder's volume API does: exact
// filters (an unknown status or name simply matches nothing), metadata as a dict literal,
// and the paging every Cinder list shares (cinder.query.ts).
import type { Volume } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { anyOf, type FilterMatcher, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { parseBoolQuery } from '../../../common/pagination.js';
import { cinderListSpec } from '../cinder.query.js';
import { volumeStatus } from './volumes.view.js';

/** `{"k": "v"}`, or the Python literal `{'k': 'v'}` that urlencoding a dict gives. */
function parseMetadataFilter(raw: string): Record<string, string> {
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

const byMetadata: FilterMatcher<Volume> = (values) => {
  const wanted = parseMetadataFilter(values[values.length - 1]);
  return (v) => Object.entries(wanted).every(([k, val]) => v.spec.metadata?.[k] === String(val));
};

const byBootable: FilterMatcher<Volume> = (values) => {
  const want = parseBoolQuery(values);
  return want === undefined ? undefined : (v) => (v.spec.bootable === true) === want;
};

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

export const volumeListSpec: ListSpec<Volume> = {
  collection: 'volumes',
  filters: {
    name: anyOf((v) => v.spec.name ?? ''),
    display_name: anyOf((v) => v.spec.name ?? ''),
    status: anyOf(volumeStatus),
    availability_zone: anyOf((v) => v.spec.availabilityZone),
    project_id: (values, auth) => (auth.isAdmin ? anyOf<Volume>((v) => v.spec.projectId)(values, auth) : undefined),
    metadata: byMetadata,
    bootable: byBootable,
  },
  sortKeys: SORT_KEYS,
  ...cinderListSpec<Volume>(),
};
