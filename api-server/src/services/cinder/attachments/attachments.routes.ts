// The /attachments routes of Cinder v3, from 3.27 (os-complete from 3.44): Cinder's default
// policies, project members (readers may read).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { MV } from '../cinder.microversion.js';
import {
  completeAttachmentHandler, createAttachmentHandler, deleteAttachmentHandler, listAttachmentsHandler, showAttachmentHandler, updateAttachmentHandler,
} from './attachments.handlers.js';
import {
  attachmentActionBody, attachmentResponse, createAttachmentBody, listAttachmentsDetailResponse, listAttachmentsQuery, listAttachmentsResponse, updateAttachmentBody,
} from './attachments.schema.js';

export function attachmentRoutes(stores: Stores): RouteDef[] {
  const base = '/v3/:projectId/attachments';
  const one = `${base}/:attachmentId`;
  const since = { minVersion: MV.NEW_ATTACH };
  const read = { ...since, method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  const write = { ...since, policy: 'member' as const, query: noQuery, successStatus: 200 };
  return [
    defineRoute({ ...read, path: base, query: listAttachmentsQuery, response: listAttachmentsResponse, expectedErrors: [400, 404], handler: listAttachmentsHandler(stores, false) }),
    defineRoute({ ...read, path: `${base}/detail`, query: listAttachmentsQuery, response: listAttachmentsDetailResponse, expectedErrors: [400, 404], handler: listAttachmentsHandler(stores, true) }),
    defineRoute({ ...read, path: one, query: noQuery, response: attachmentResponse, expectedErrors: [404], handler: showAttachmentHandler(stores) }),
    defineRoute({ ...write, method: 'post', path: base, body: createAttachmentBody, response: attachmentResponse, expectedErrors: [400, 404, 409], handler: createAttachmentHandler(stores) }),
    defineRoute({ ...write, method: 'put', path: one, body: updateAttachmentBody, response: attachmentResponse, expectedErrors: [400, 404, 409], handler: updateAttachmentHandler(stores) }),
    defineRoute({ ...write, method: 'delete', path: one, body: null, response: listAttachmentsResponse, expectedErrors: [404, 409], handler: deleteAttachmentHandler(stores) }),
    defineRoute({ ...write, minVersion: MV.NEW_ATTACH_COMPLETION, method: 'post', path: `${one}/action`, body: attachmentActionBody, response: null, successStatus: 204, expectedErrors: [400, 404, 409], handler: completeAttachmentHandler(stores) }),
  ];
}
