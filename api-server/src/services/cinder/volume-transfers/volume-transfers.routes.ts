// The transfer routes of Cinder v3: readers read, members create, delete and accept.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { MV } from '../cinder.microversion.js';
import { acceptTransferHandler } from './volume-transfers.accept.js';
import { createTransferHandler, deleteTransferHandler, listTransfersHandler, showTransferHandler } from './volume-transfers.handlers.js';
import {
  acceptTransferBody, acceptTransferResponse, createTransferBody, createTransferBodyV355, createTransferResponse, listTransfersDetailResponse, listTransfersQuery, listTransfersResponse, showTransferResponse,
} from './volume-transfers.schema.js';

/** The same transfers at two paths: /os-volume-transfer at every version, /volume-transfers from 3.55 (with no_snapshots). */
export function volumeTransferRoutes(stores: Stores): RouteDef[] {
  return [...transferRoutesAt(stores, 'os-volume-transfer'), ...transferRoutesAt(stores, 'volume-transfers')];
}

function transferRoutesAt(stores: Stores, collection: 'os-volume-transfer' | 'volume-transfers'): RouteDef[] {
  const base = `/v3/:projectId/${collection}`;
  const one = `${base}/:transferId`;
  const since = collection === 'volume-transfers' ? { minVersion: MV.TRANSFER_WITH_SNAPSHOTS } : {};
  const createBody = collection === 'volume-transfers' ? createTransferBodyV355 : createTransferBody;
  const read = { ...since, method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  const write = { ...since, policy: 'member' as const, query: noQuery, successStatus: 202 };
  return [
    defineRoute({ ...read, path: base, query: listTransfersQuery, response: listTransfersResponse, expectedErrors: [400, 404], handler: listTransfersHandler(stores, false) }),
    defineRoute({ ...read, path: `${base}/detail`, query: listTransfersQuery, response: listTransfersDetailResponse, expectedErrors: [400, 404], handler: listTransfersHandler(stores, true) }),
    defineRoute({ ...read, path: one, query: noQuery, response: showTransferResponse, expectedErrors: [404], handler: showTransferHandler(stores) }),
    defineRoute({ ...write, method: 'post', path: base, body: createBody, response: createTransferResponse, expectedErrors: [400, 404, 409], handler: createTransferHandler(stores) }),
    defineRoute({ ...write, method: 'post', path: `${one}/accept`, body: acceptTransferBody, response: acceptTransferResponse, expectedErrors: [400, 404, 409, 413], handler: acceptTransferHandler(stores) }),
    defineRoute({ ...write, method: 'delete', path: one, body: null, response: null, expectedErrors: [404], handler: deleteTransferHandler(stores) }),
  ];
}
