// GET /types, /types/default and /types/{id}: the volume types (read-only here; they are made
// by the seed or with kubectl, each naming a StorageClass).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listVolumeTypesHandler, showVolumeTypeHandler } from './volume-types.handlers.js';
import { listVolumeTypesQuery, listVolumeTypesResponse, showVolumeTypeResponse } from './volume-types.schema.js';

export function volumeTypeRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  return [
    defineRoute({ ...read, path: '/v3/:projectId/types', query: listVolumeTypesQuery, response: listVolumeTypesResponse, expectedErrors: [400, 404], handler: listVolumeTypesHandler(stores) }),
    defineRoute({ ...read, path: '/v3/:projectId/types/default', query: noQuery, response: showVolumeTypeResponse, expectedErrors: [400, 404], handler: showVolumeTypeHandler(stores, 'default') }),
    defineRoute({ ...read, path: '/v3/:projectId/types/:typeId', query: noQuery, response: showVolumeTypeResponse, expectedErrors: [400, 404], handler: showVolumeTypeHandler(stores) }),
  ];
}
