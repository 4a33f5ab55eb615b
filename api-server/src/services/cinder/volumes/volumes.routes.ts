// The /volumes routes of Cinder v3. Reading defaults to the project's readers, writing to its
// members (Cinder's 2023 defaults); ownership is checked in the handlers.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createVolumeBody, deleteVolumeQuery, listVolumesDetailResponse, listVolumesQuery, listVolumesResponse, showVolumeResponse, updateVolumeBody } from './volumes.schema.js';
import { createVolumeHandler, deleteVolumeHandler, listVolumesHandler, showVolumeHandler, updateVolumeHandler } from './volumes.handlers.js';

export function volumeRoutes(stores: Stores): RouteDef[] {
  const base = '/v3/:projectId/volumes';
  const one = `${base}/:volumeId`;
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  return [
    defineRoute({ ...read, path: base, query: listVolumesQuery, response: listVolumesResponse, expectedErrors: [400, 404], handler: listVolumesHandler(stores, false) }),
    defineRoute({ ...read, path: `${base}/detail`, query: listVolumesQuery, response: listVolumesDetailResponse, expectedErrors: [400, 404], handler: listVolumesHandler(stores, true) }),
    defineRoute({ ...read, path: one, query: noQuery, response: showVolumeResponse, expectedErrors: [400, 404], handler: showVolumeHandler(stores) }),
    defineRoute({
      method: 'post', path: base, policy: 'member', body: createVolumeBody, query: noQuery, response: showVolumeResponse, successStatus: 202,
      expectedErrors: [400, 404, 409, 413], handler: createVolumeHandler(stores),
    }),
    defineRoute({
      method: 'put', path: one, policy: 'member', body: updateVolumeBody, query: noQuery, response: showVolumeResponse, successStatus: 200,
      expectedErrors: [400, 404, 409], handler: updateVolumeHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: one, policy: 'member', body: null, query: deleteVolumeQuery, response: null, successStatus: 202,
      expectedErrors: [400, 404, 409], handler: deleteVolumeHandler(stores),
    }),
  ];
}
