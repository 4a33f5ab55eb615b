// Nova's image proxy (Nova's default policy: any project reader lists and shows; delete is then
// Glance's owner rule, 403 for another project's image). 2.36 removes the proxy: a 404 from it on.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { MV } from '../microversion.js';
import type { ImageDataStore } from '../../glance/image-data/image-data.store.js';
import { deleteImageHandler, listImageDetailsHandler, listImagesHandler, showImageHandler } from './images.handlers.js';
import { listImageDetailsResponse, listImagesQuery, listImagesResponse, showImageResponse } from './images.schema.js';

export function novaImageRoutes(stores: Stores, data: ImageDataStore): RouteDef[] {
  const removedAt = MV.PROXY_APIS_REMOVED;
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200, removedAt };
  return [
    defineRoute({ ...read, path: '/v2.1/images', query: listImagesQuery, response: listImagesResponse, expectedErrors: [400], handler: listImagesHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/images/detail', query: listImagesQuery, response: listImageDetailsResponse, expectedErrors: [400], handler: listImageDetailsHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/images/:imageId', query: noQuery, response: showImageResponse, expectedErrors: [404], handler: showImageHandler(stores) }),
    defineRoute({ method: 'delete', removedAt, path: '/v2.1/images/:imageId', policy: 'member', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [403, 404], handler: deleteImageHandler(stores, data) }),
  ];
}
