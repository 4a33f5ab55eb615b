// POST /volumes/{id}/action: a project member's (admin actions check the admin role inside).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import type { ImageDataStore } from '../../glance/image-data/image-data.store.js';
import { volumeActionHandler } from './volume-actions.handlers.js';
import { volumeActionBody, volumeActionResponse } from './volume-actions.schema.js';

export function volumeActionRoutes(stores: Stores, data: ImageDataStore): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: '/v3/:projectId/volumes/:volumeId/action', policy: 'member', body: volumeActionBody, query: noQuery,
      response: volumeActionResponse, successStatus: 202, expectedErrors: [400, 404, 409, 413], handler: volumeActionHandler(stores, data),
    }),
  ];
}
