// Image data routes. Glance's upload_image and the import calls are for the owner's members
// (and admins); download_image for anyone who sees the image; the handlers check ownership.
import { defineRoute, RAW_BYTES, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import type { ImageDataStore } from './image-data.store.js';
import { importImageBody, importInfoResponse } from './image-data.schema.js';
import { downloadImageDataHandler, importImageHandler, importInfoHandler, stageImageDataHandler, uploadImageDataHandler } from './image-data.handlers.js';

export function imageDataRoutes(stores: Stores, data: ImageDataStore): RouteDef[] {
  const write = { method: 'put' as const, policy: 'member' as const, body: RAW_BYTES, query: noQuery, response: null, successStatus: 204 };
  // 409: another upload holds the image; 410: it was deleted meanwhile; 413: too large; 415: not octet-stream.
  const uploadErrors = [400, 404, 409, 410, 413, 415];
  return [
    defineRoute({ ...write, path: '/v2/images/:imageId/file', expectedErrors: uploadErrors, handler: uploadImageDataHandler(stores, data) }),
    defineRoute({ ...write, path: '/v2/images/:imageId/stage', expectedErrors: uploadErrors, handler: stageImageDataHandler(stores, data) }),
    defineRoute({
      method: 'get', path: '/v2/images/:imageId/file', policy: 'reader', body: null, query: noQuery, response: RAW_BYTES, successStatus: 200,
      expectedErrors: [404], handler: downloadImageDataHandler(stores, data),
    }),
    defineRoute({
      method: 'post', path: '/v2/images/:imageId/import', policy: 'member', body: importImageBody, query: noQuery, response: null, successStatus: 202,
      expectedErrors: [400, 404, 409, 410], handler: importImageHandler(stores, data),
    }),
    defineRoute({
      method: 'get', path: '/v2/info/import', policy: 'reader', body: null, query: noQuery, response: importInfoResponse, successStatus: 200,
      expectedErrors: [], handler: importInfoHandler(),
    }),
  ];
}
