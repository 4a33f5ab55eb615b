// /servers/{id}/metadata and /metadata/{key} (Nova's default policy: readers read, members write),
// on the shared metadata verbs. Nova's checks run on the live server inside the guarded update: a
// locked server refuses non-admins (409), the server must be active, paused, suspended or stopped
// with no task in progress (409), and no more than 128 items may remain (403, Nova's quota
// message). A delete is 204, as in Nova.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { forbidden } from '../../../common/errors.js';
import type { RouteDef, RouteContext } from '../../../common/route.js';
import { metadataRoutes } from '../../../common/metadata/metadata.routes.js';
import { findServer } from '../servers/servers.handlers.js';
import { checkUnlocked } from '../server-actions/server-actions.lock.js';
import { checkInstanceState } from '../server-actions/server-actions.power.js';

/** Nova's default metadata_items quota. */
export const MAX_METADATA_ITEMS = 128;
const WRITABLE_IN = new Set(['active', 'paused', 'suspended', 'stopped']);

function checkMetadataWrite(cur: Server, next: Record<string, string>, ctx: RouteContext<unknown, object>): void {
  checkUnlocked(cur, ctx.auth);
  checkInstanceState(cur, 'update metadata', WRITABLE_IN);
  const count = Object.keys(next).length;
  if (count > MAX_METADATA_ITEMS) throw forbidden(`Quota exceeded for metadata_items: Requested ${count}, but already used 0 of ${MAX_METADATA_ITEMS} metadata_items`);
}

export function serverMetadataRoutes(stores: Stores): RouteDef[] {
  const owner = { store: stores.servers, find: (ctx: RouteContext<unknown, object>) => findServer(stores, ctx.auth, ctx.params.serverId), checkWrite: checkMetadataWrite, stampsUpdates: false };
  return metadataRoutes('/v2.1/servers/:serverId', owner, { deleteStatus: 204, writeErrors: [403] });
}
