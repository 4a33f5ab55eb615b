// The read-only /v2/images routes of Glance.
import { Type } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { compareBy, lastQueryValue, nextQuery, paginate, type SortDir } from '../../../common/pagination.js';
import { noQuery, querySchema, queryInt, queryString } from '../../../common/parameter-types.js';
import type { AuthContext, RouteContext, RouteDef, RouteResult } from '../../../common/route.js';
import { legacyRoute } from '../../../common/legacy-route.js';
import type { Stores } from '../../../deps.js';
import { imageView } from './images.view.js';

const listQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  name: queryString,
  status: queryString,
  visibility: queryString,
  owner: queryString,
  id: queryString,
  tag: queryString,
  sort_key: queryString,
  sort_dir: queryString,
});

const SORT_KEYS: Record<string, (i: Image) => string> = {
  created_at: (i) => i.metadata.creationTimestamp ?? '',
  updated_at: (i) => i.metadata.creationTimestamp ?? '',
  name: (i) => i.spec.name,
  id: (i) => i.metadata.name,
  status: (i) => i.status?.status ?? '',
};

/** Without a visibility filter: public images, the caller's own, and (for admins) all. */
function visible(img: Image, auth: AuthContext, wanted?: string): boolean {
  // Private and shared images are the owner's (image members come with Glance writes).
  const ownerOnly = wanted === 'private' || wanted === 'shared';
  if (wanted) return img.spec.visibility === wanted && (!ownerOnly || auth.isAdmin || img.spec.owner === auth.projectId);
  if (auth.isAdmin) return img.spec.visibility !== 'community' || img.spec.owner === auth.projectId;
  return img.spec.visibility === 'public' || img.spec.owner === auth.projectId;
}

function matchers(q: Record<string, unknown>): ((i: Image) => boolean)[] {
  const out: ((i: Image) => boolean)[] = [];
  const name = lastQueryValue(q.name);
  if (name !== undefined) out.push((i) => i.spec.name === name);
  const status = lastQueryValue(q.status);
  if (status) out.push((i) => (i.status?.status ?? 'queued') === status);
  const owner = lastQueryValue(q.owner);
  if (owner) out.push((i) => i.spec.owner === owner);
  const id = lastQueryValue(q.id);
  if (id?.startsWith('in:')) {
    const ids = new Set(id.slice(3).split(','));
    out.push((i) => ids.has(i.metadata.name));
  } else if (id) out.push((i) => i.metadata.name === id);
  const tags = ([] as unknown[]).concat(q.tag ?? []).map(String);
  if (tags.length) out.push((i) => tags.every((t) => (i.spec.tags ?? []).includes(t)));
  return out;
}

function listImages(stores: Stores) {
  return async (ctx: RouteContext): Promise<RouteResult> => {
    const wanted = lastQueryValue(ctx.query.visibility);
    if (wanted && !['public', 'private', 'shared', 'community', 'all'].includes(wanted)) throw badRequest(`Invalid visibility value: ${wanted}`);
    const preds = matchers(ctx.query);
    const key = SORT_KEYS[lastQueryValue(ctx.query.sort_key) ?? 'created_at'];
    const dir = (lastQueryValue(ctx.query.sort_dir) ?? 'desc') as SortDir;
    if (!key || (dir !== 'asc' && dir !== 'desc')) throw badRequest('Invalid sort key or direction.');
    const all = stores.images
      .list()
      .filter((i) => visible(i, ctx.auth, wanted === 'all' ? undefined : wanted) && preds.every((p) => p(i)))
      .sort((a, b) => compareBy(key, dir)(a, b) || compareBy(SORT_KEYS.id, dir)(a, b));
    const page = paginate(all, (i) => i.metadata.name, { limit: lastQueryValue(ctx.query.limit), marker: lastQueryValue(ctx.query.marker) }, 1000);
    const next = page.nextMarker ? { next: `/v2/images?${nextQuery(ctx.query, page.nextMarker)}` } : {};
    return { body: { images: page.items.map(imageView), schema: '/v2/schemas/images', first: '/v2/images', ...next } };
  };
}

function showImage(stores: Stores) {
  return async (ctx: RouteContext): Promise<RouteResult> => {
    const img = stores.images.get(ctx.params.imageId);
    if (!img || !visible(img, ctx.auth, img.spec.visibility === 'community' ? 'community' : undefined)) {
      throw notFound(`No image found with ID ${ctx.params.imageId}`);
    }
    return { body: imageView(img) };
  };
}

export function imageRoutes(stores: Stores): RouteDef[] {
  const common = { auth: 'token' as const, bodySchema: null, successStatus: 200 };
  return [
    legacyRoute({ ...common, method: 'get', path: '/v2/images', querySchema: listQuery, expectedErrors: [400], handler: listImages(stores) }),
    legacyRoute({ ...common, method: 'get', path: '/v2/images/:imageId', querySchema: noQuery, expectedErrors: [404], handler: showImage(stores) }),
  ];
}
