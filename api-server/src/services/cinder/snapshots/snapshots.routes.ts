// The /snapshots routes of Cinder v3, with their metadata: readers read, members write.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { metadataRoutes } from '../../../common/metadata/metadata.routes.js';
import { pathAuth } from '../cinder.errors.js';
import { findSnapshot } from './snapshots.access.js';
import { createSnapshotHandler, deleteSnapshotHandler, listSnapshotsHandler, showSnapshotHandler, updateSnapshotHandler } from './snapshots.handlers.js';
import { createSnapshotBody, listSnapshotsDetailResponse, listSnapshotsQuery, listSnapshotsResponse, showSnapshotResponse, snapshotResponse, updateSnapshotBody } from './snapshots.schema.js';

export function snapshotRoutes(stores: Stores): RouteDef[] {
  const base = '/v3/:projectId/snapshots';
  const one = `${base}/:snapshotId`;
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  const write = { policy: 'member' as const, query: noQuery, expectedErrors: [400, 404, 409] };
  return [
    defineRoute({ ...read, path: base, query: listSnapshotsQuery, response: listSnapshotsResponse, expectedErrors: [400, 404], handler: listSnapshotsHandler(stores, false) }),
    defineRoute({ ...read, path: `${base}/detail`, query: listSnapshotsQuery, response: listSnapshotsDetailResponse, expectedErrors: [400, 404], handler: listSnapshotsHandler(stores, true) }),
    defineRoute({ ...read, path: one, query: noQuery, response: showSnapshotResponse, expectedErrors: [400, 404], handler: showSnapshotHandler(stores) }),
    defineRoute({ ...write, method: 'post', path: base, body: createSnapshotBody, response: snapshotResponse, successStatus: 202, expectedErrors: [400, 404, 409, 413], handler: createSnapshotHandler(stores) }),
    defineRoute({ ...write, method: 'put', path: one, body: updateSnapshotBody, response: snapshotResponse, successStatus: 200, handler: updateSnapshotHandler(stores) }),
    defineRoute({ ...write, method: 'delete', path: one, body: null, response: null, successStatus: 202, handler: deleteSnapshotHandler(stores) }),
    ...metadataRoutes(one, { store: stores.snapshots, find: (ctx) => findSnapshot(stores, pathAuth(ctx), ctx.params.snapshotId) }),
  ];
}
