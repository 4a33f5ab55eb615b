// GET /servers/{id}/os-instance-actions[/{request_id}]. The server is found first (another project's is a 404), then
// its actions, newest first, as Nova lists them.
import type { InstanceAction, Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findServer } from '../servers/servers.handlers.js';
import { instanceActionDetailView, instanceActionView } from './instance-actions.view.js';

function actionsOf(stores: Stores, server: Server): InstanceAction[] {
  const mine = stores.instanceActions.list(server.metadata.namespace).filter((a) => a.spec.serverId === server.metadata.name);
  return mine.sort((a, b) => b.spec.startTime.localeCompare(a.spec.startTime));
}

export function listInstanceActionsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    return { body: { instanceActions: actionsOf(stores, server).map(instanceActionView) } };
  };
}

export function showInstanceActionHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const found = actionsOf(stores, server).find((a) => a.spec.requestId === ctx.params.requestId);
    if (!found) throw notFound(`Action ${ctx.params.requestId} not found`);
    return { body: { instanceAction: instanceActionDetailView(found, ctx.auth.isAdmin) } };
  };
}
