// The /v2/images routes of Glance. Reading defaults to ADMIN_OR_PROJECT_READER; add_image,
// modify_image, delete_image and the tag calls to the owner's members (the handlers check the
// owner), deactivate and reactivate too.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import type { ImageDataStore } from '../image-data/image-data.store.js';
import { createImageBody, listImagesQuery, listImagesResponse, patchImageBody, showImageResponse } from './images.schema.js';
import { createImageHandler, deleteImageHandler, listImagesHandler, showImageHandler, updateImageHandler } from './images.handlers.js';
import { addImageTagHandler, deactivateImageHandler, reactivateImageHandler, deleteImageTagHandler } from './images.actions.js';

export function imageRoutes(stores: Stores, data: ImageDataStore): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  const one = '/v2/images/:imageId';
  const pathAction = { policy: 'member' as const, body: null, query: noQuery, response: null, successStatus: 204 };
  return [
    defineRoute({ ...read, path: '/v2/images', query: listImagesQuery, response: listImagesResponse, expectedErrors: [400], handler: listImagesHandler(stores) }),
    defineRoute({ ...read, path: one, query: noQuery, response: showImageResponse, expectedErrors: [404], handler: showImageHandler(stores) }),
    defineRoute({
      method: 'post', path: '/v2/images', policy: 'member', body: createImageBody, query: noQuery, response: showImageResponse, successStatus: 201,
      expectedErrors: [400, 409, 413], handler: createImageHandler(stores),
    }),
    defineRoute({
      method: 'patch', path: one, policy: 'member', body: patchImageBody, query: noQuery, response: showImageResponse, successStatus: 200,
      expectedErrors: [400, 404, 409, 413, 415], handler: updateImageHandler(stores),
    }),
    defineRoute({ ...pathAction, method: 'delete', path: one, expectedErrors: [404, 409], handler: deleteImageHandler(stores, data) }),
    defineRoute({ ...pathAction, method: 'put', path: `${one}/tags/:tag`, expectedErrors: [400, 404, 409, 413], handler: addImageTagHandler(stores) }),
    defineRoute({ ...pathAction, method: 'delete', path: `${one}/tags/:tag`, expectedErrors: [404, 409], handler: deleteImageTagHandler(stores) }),
    defineRoute({ ...pathAction, method: 'post', path: `${one}/actions/deactivate`, expectedErrors: [400, 404, 409], handler: deactivateImageHandler(stores) }),
    defineRoute({ ...pathAction, method: 'post', path: `${one}/actions/reactivate`, expectedErrors: [400, 404, 409], handler: reactivateImageHandler(stores) }),
  ];
}
