// Filtering and paging of Nova's GET /images and /images/detail: the filters Nova passes on to
// Glance (name, status, the snapshotted server, snapshot type, minimums, changes-since), over the
// images the caller may see, newest first as Glance lists them.
import type { Image } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import type { FilterMatcher, ListSpec, SortValue } from '../../../common/list-query.js';
import { imageVisible } from '../../glance/images/images.access.js';
import { novaImageStatus } from './images.view.js';

const last = (values: string[]): string => values[values.length - 1];
const created = (i: Image): string => i.metadata.creationTimestamp ?? '';
const property = (key: string, valueOf: (v: string) => string = (v) => v): FilterMatcher<Image> => (values) => (i) => i.spec.properties?.[key] === valueOf(last(values));

function atLeast(filter: string, valueOf: (i: Image) => number): FilterMatcher<Image> {
  return (values) => {
    const v = last(values).trim();
    if (!/^\d+$/.test(v)) throw badRequest(`Invalid ${filter} filter [${v}]`);
    return (i) => valueOf(i) >= Number(v);
  };
}

const SORT_KEYS: Record<string, (i: Image) => SortValue> = { created_at: created, name: (i) => i.spec.name ?? null };

export const novaImageListSpec: ListSpec<Image> = {
  collection: 'images',
  filters: {
    name: (values) => (i) => i.spec.name === last(values),
    status: (values) => (i) => novaImageStatus(i) === last(values).toUpperCase(),
    // The server may be given as its URL, as Nova accepts it.
    server: property('instance_uuid', (v) => v.split('/').pop() ?? v),
    type: property('image_type'),
    minDisk: atLeast('minDisk', (i) => i.spec.minDiskGiB ?? 0),
    minRam: atLeast('minRam', (i) => i.spec.minRamMiB ?? 0),
    'changes-since': (values) => (i) => (i.spec.updatedAt ?? created(i)) >= new Date(last(values)).toISOString(),
  },
  baseFilter: (_query, auth) => (i) => imageVisible(i, auth) && i.spec.osHidden !== true,
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'created_at', dir: 'desc' },
  idOf: (i) => i.metadata.name,
  maxLimit: 1000,
};
