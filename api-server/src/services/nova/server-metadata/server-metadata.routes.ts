// /servers/{id}/metadata and /metadata/{key} (Nova's default policy: readers read, members write),
// on the shared metadata verbs. Nova's checks run on the live server inside the guarded update: a
// locked server refuses non-admins (409), the server must be active, paused, suspended or stopped
// with no task in progress (409), and no more items may remain than the project's metadata_items
// quota (403, Nova's quota message). A delete is 204, as in Nova.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { RouteDef, RouteContext } from '../../../common/route.js';
import { metadataRoutes } from '../../../common/metadata/metadata.routes.js';
import { findServer } from '../servers/servers.handlers.js';
import { checkUnlocked } from '../server-actions/server-actions.lock.js';
import { checkInstanceState } from '../server-actions/server-actions.power.js';
import { checkMetadataQuota } from '../quota-sets/quota-sets.admission.js';

const WRITABLE_IN = new Set(['active', 'paused', 'suspended', 'stopped']);

export function serverMetadataRoutes(stores: Stores): RouteDef[] {
  const checkMetadataWrite = (cur: Server, next: Record<string, string>, ctx: RouteContext<unknown, object>): void => {
    checkUnlocked(cur, ctx.auth);
    checkInstanceState(cur, 'update metadata', WRITABLE_IN);
    checkMetadataQuota(stores, cur.spec.projectId, Object.keys(next).length);
  };
  const owner = { store: stores.servers, find: (ctx: RouteContext<unknown, object>) => findServer(stores, ctx.auth, ctx.params.serverId), checkWrite: checkMetadataWrite, stampsUpdates: false };
  return metadataRoutes('/v2.1/servers/:serverId', owner, { deleteStatus: 204, writeErrors: [403] });
}
