// Nova's image proxy (GET /images, /images/detail, /images/{id}; DELETE /images/{id}): Glance's
// images through Nova's API, as novaclient and Tempest's compute image tests use it below 2.36.
// An image the caller may not see is Nova's 404; delete is Glance's, with its checks.
import type { Static } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { ApiError, notFound } from '../../../common/errors.js';
import { runListQuery } from '../../../common/list-query.js';
import { nextQuery } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { lookupImage } from '../../glance/images/images.access.js';
import { deleteImage } from '../../glance/images/images.handlers.js';
import type { ImageDataStore } from '../../glance/image-data/image-data.store.js';
import { nextPageLinks } from '../links.js';
import { novaImageListSpec } from './images.query.js';
import type { listImagesQuery } from './images.schema.js';
import { imageDetailView, imageSummaryView } from './images.view.js';

type ListContext = RouteContext<undefined, Static<typeof listImagesQuery>>;
const imageNotFound = (id: string): ApiError => notFound(`Image ${id} could not be found.`);

function listImages(stores: Stores, path: string, view: (base: string, i: Image) => object) {
  return async (ctx: ListContext): Promise<RouteResult> => {
    const page = runListQuery(novaImageListSpec, stores.images.list(), ctx.query, ctx.auth);
    const links = nextPageLinks(ctx.baseUrl, path, page.nextMarker && nextQuery(ctx.query, page.nextMarker));
    return { body: { images: page.items.map((i) => view(ctx.baseUrl, i)), ...(links ? { images_links: links } : {}) } };
  };
}

export const listImagesHandler = (stores: Stores): ((ctx: ListContext) => Promise<RouteResult>) => listImages(stores, 'images', imageSummaryView);
export const listImageDetailsHandler = (stores: Stores): ((ctx: ListContext) => Promise<RouteResult>) => listImages(stores, 'images/detail', imageDetailView);

export function showImageHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const image = lookupImage(stores.images, ctx.auth, ctx.params.imageId);
    if (!image) throw imageNotFound(ctx.params.imageId);
    return { body: { image: imageDetailView(ctx.baseUrl, image) } };
  };
}

export function deleteImageHandler(stores: Stores, data: ImageDataStore) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    if (!lookupImage(stores.images, ctx.auth, ctx.params.imageId)) throw imageNotFound(ctx.params.imageId);
    await deleteImage(stores, data, ctx.auth, ctx.params.imageId);
    return {};
  };
}
