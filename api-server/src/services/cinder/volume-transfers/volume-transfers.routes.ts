// The /os-volume-transfer routes of Cinder v3 at 3.0 (the /volume-transfers of 3.55 is not served):
// readers read, members create, delete and accept.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { acceptTransferHandler } from './volume-transfers.accept.js';
import { createTransferHandler, deleteTransferHandler, listTransfersHandler, showTransferHandler } from './volume-transfers.handlers.js';
import {
  acceptTransferBody, acceptTransferResponse, createTransferBody, createTransferResponse, listTransfersDetailResponse, listTransfersQuery, listTransfersResponse, showTransferResponse,
} from './volume-transfers.schema.js';

export function volumeTransferRoutes(stores: Stores): RouteDef[] {
  const base = '/v3/:projectId/os-volume-transfer';
  const one = `${base}/:transferId`;
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  const write = { policy: 'member' as const, query: noQuery, successStatus: 202 };
  return [
    defineRoute({ ...read, path: base, query: listTransfersQuery, response: listTransfersResponse, expectedErrors: [400, 404], handler: listTransfersHandler(stores, false) }),
    defineRoute({ ...read, path: `${base}/detail`, query: listTransfersQuery, response: listTransfersDetailResponse, expectedErrors: [400, 404], handler: listTransfersHandler(stores, true) }),
    defineRoute({ ...read, path: one, query: noQuery, response: showTransferResponse, expectedErrors: [404], handler: showTransferHandler(stores) }),
    defineRoute({ ...write, method: 'post', path: base, body: createTransferBody, response: createTransferResponse, expectedErrors: [400, 404, 409], handler: createTransferHandler(stores) }),
    defineRoute({ ...write, method: 'post', path: `${one}/accept`, body: acceptTransferBody, response: acceptTransferResponse, expectedErrors: [400, 404, 409], handler: acceptTransferHandler(stores) }),
    defineRoute({ ...write, method: 'delete', path: one, body: null, response: null, expectedErrors: [404], handler: deleteTransferHandler(stores) }),
  ];
}
