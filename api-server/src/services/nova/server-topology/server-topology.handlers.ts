// GET /servers/{id}/topology: the server is found first (another project's is a 404).
import type { Stores } from '../../../deps.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findServer } from '../servers/servers.handlers.js';
import { serverTopologyView } from './server-topology.view.js';

export function showServerTopologyHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    findServer(stores, ctx.auth, ctx.params.serverId);
    return { body: serverTopologyView() };
  };
}
