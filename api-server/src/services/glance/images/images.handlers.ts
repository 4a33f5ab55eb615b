// Image handlers: the list through the shared list query, one image through the access rule.
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import { notFound } from '../../../common/errors.js';
import { runListQuery } from '../../../common/list-query.js';
import { nextQuery } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { imageVisible, lookupImage } from './images.access.js';
import { imageListSpec } from './images.query.js';
import type { listImagesQuery } from './images.schema.js';
import { imageView } from './images.view.js';

export function listImagesHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listImagesQuery>>): Promise<RouteResult> => {
    const visible = stores.images.list().filter((i) => imageVisible(i, ctx.auth));
    const page = runListQuery(imageListSpec, visible, ctx.query, ctx.auth);
    // Glance's next link is relative and starts with /v2 (clients rebuild it on their endpoint).
    const next = page.nextMarker ? { next: `/v2/images?${nextQuery(ctx.query, page.nextMarker)}` } : {};
    return { body: { images: page.items.map(imageView), schema: '/v2/schemas/images', first: '/v2/images', ...next } };
  };
}

export function showImageHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const img = lookupImage(stores.images, ctx.auth, ctx.params.imageId);
    if (!img) throw notFound(`No image found with ID ${ctx.params.imageId}`);
    return { body: imageView(img) };
  };
}
