// POST /servers/{id}/action: one handler that dispatches on the action's key, as Nova's action
// controllers do. Each action is 202 with no body.
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findServer } from '../servers/servers.handlers.js';
import type { serverActionBody } from './server-actions.schema.js';
import { addSecurityGroup, removeSecurityGroup } from './server-actions.security-groups.js';

export function serverActionHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof serverActionBody>, object>): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const body = ctx.body;
    if ('addSecurityGroup' in body) await addSecurityGroup(stores, ctx.auth, server, body.addSecurityGroup.name);
    else await removeSecurityGroup(stores, ctx.auth, server, body.removeSecurityGroup.name);
    return { status: 202 };
  };
}
