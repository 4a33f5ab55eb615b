// The read-only /v2/images routes of Glance. Glance's get_images and get_image default to
// ADMIN_OR_PROJECT_READER: a reader on the token's project.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listImagesQuery, listImagesResponse, showImageResponse } from './images.schema.js';
import { listImagesHandler, showImageHandler } from './images.handlers.js';

export function imageRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  return [
    defineRoute({ ...read, path: '/v2/images', query: listImagesQuery, response: listImagesResponse, expectedErrors: [400], handler: listImagesHandler(stores) }),
    defineRoute({ ...read, path: '/v2/images/:imageId', query: noQuery, response: showImageResponse, expectedErrors: [404], handler: showImageHandler(stores) }),
  ];
}
