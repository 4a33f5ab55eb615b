// POST /servers/{id}/action: one handler that finds the server (404 first, as Nova), checks the
// action's body against its schema, and dispatches on the action's key, as Nova's action
// controllers do. Each action is 202 with no body.
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import type { Server } from '../../../../../crds/types.generated.js';
import { check } from '../../../common/validate.js';
import { findServer } from '../servers/servers.handlers.js';
import { SERVED_ACTIONS, type GroupActionBody, type ServedAction, type serverActionBody } from './server-actions.schema.js';
import { changePower } from './server-actions.power.js';
import { lockServer, unlockServer } from './server-actions.lock.js';
import { addSecurityGroup, removeSecurityGroup } from './server-actions.security-groups.js';

type Perform = (stores: Stores, auth: AuthContext, server: Server, body: unknown) => Promise<void>;

const PERFORM: Record<ServedAction, Perform> = {
  addSecurityGroup: (stores, auth, server, body) => addSecurityGroup(stores, auth, server, (body as GroupActionBody).name),
  removeSecurityGroup: (stores, auth, server, body) => removeSecurityGroup(stores, auth, server, (body as GroupActionBody).name),
  'os-stop': (stores, auth, server) => changePower(stores, auth, server, 'os-stop'),
  'os-start': (stores, auth, server) => changePower(stores, auth, server, 'os-start'),
  lock: (stores, auth, server) => lockServer(stores, auth, server),
  unlock: (stores, auth, server) => unlockServer(stores, auth, server),
};

const isServed = (name: string): name is ServedAction => Object.hasOwn(SERVED_ACTIONS, name);

export function serverActionHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof serverActionBody>, object>): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const [action, body] = Object.entries(ctx.body)[0];
    if (!isServed(action)) throw badRequest(`There is no such action: ${action}`);
    const invalid = check(SERVED_ACTIONS[action], body, action);
    if (invalid) throw badRequest(invalid);
    await PERFORM[action](stores, ctx.auth, server, body);
    return { status: 202 };
  };
}
