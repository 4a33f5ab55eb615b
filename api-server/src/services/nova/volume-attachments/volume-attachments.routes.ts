// /servers/{id}/os-volume_attachments (Nova's default policies: reading needs a reader,
// attaching and detaching a member).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { attachVolumeHandler, detachVolumeHandler, listVolumeAttachmentsHandler, showVolumeAttachmentHandler } from './volume-attachments.handlers.js';
import { attachVolumeBody, listVolumeAttachmentsResponse, volumeAttachmentResponse } from './volume-attachments.schema.js';

export function volumeAttachmentRoutes(stores: Stores): RouteDef[] {
  const base = '/v2.1/servers/:serverId/os-volume_attachments';
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [404] };
  return [
    defineRoute({ ...read, path: base, response: listVolumeAttachmentsResponse, handler: listVolumeAttachmentsHandler(stores) }),
    defineRoute({ ...read, path: `${base}/:volumeId`, response: volumeAttachmentResponse, handler: showVolumeAttachmentHandler(stores) }),
    defineRoute({
      method: 'post', path: base, policy: 'member', body: attachVolumeBody, query: noQuery,
      response: volumeAttachmentResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: attachVolumeHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: `${base}/:volumeId`, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 202, expectedErrors: [400, 404, 409], handler: detachVolumeHandler(stores),
    }),
  ];
}
