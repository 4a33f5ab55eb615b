// The recording every action handler does once its change is accepted: one InstanceAction named by
// the request, as Nova records an action before it casts to the compute host.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext, RouteContext } from '../../../common/route.js';
import { toInstanceAction, type ActionName } from './instance-actions.mapper.js';

type Requester = { auth: AuthContext; res: RouteContext['res'] };

/** The request id the API answers with (X-OpenStack-Request-Id), which names the action. */
export function requestIdOf(ctx: Pick<RouteContext, 'res'>): string {
  return String(ctx.res.getHeader('X-OpenStack-Request-Id'));
}

/** Records an action on server as it now is (the write that holds the action made its generation). */
export async function recordAction(stores: Stores, ctx: Requester, server: Server, action: ActionName): Promise<void> {
  const current = stores.servers.get(server.metadata.name, server.metadata.namespace) ?? server;
  await stores.instanceActions.create(toInstanceAction(current, action, requestIdOf(ctx), ctx.auth));
}
