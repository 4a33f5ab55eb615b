// GET /servers/{id}/os-instance-actions[/{request_id}]. The server is found first (another project's is a 404), then
// its actions, newest first, as Nova lists them. From 2.21 a deleted server's actions are listed too
// (its records outlive it): Nova reads the instance with read_deleted.
import type { InstanceAction } from '../../../../../crds/types.generated.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import type { Stores } from '../../../deps.js';
import { notFound } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { at } from '../microversion.js';
import { findServer } from '../servers/servers.handlers.js';
import { nextPageLinks } from '../links.js';
import { pageActions } from './instance-actions.query.js';
import { instanceActionDetailView, instanceActionView } from './instance-actions.view.js';

type ItemContext = RouteContext<undefined, Record<string, unknown>>;

const newestFirst = (a: InstanceAction, b: InstanceAction): number => b.spec.startTime.localeCompare(a.spec.startTime);

/** The actions recorded for a server id the caller may see (any project's for an admin). */
function recordedActions(stores: Stores, auth: AuthContext, serverId: string): InstanceAction[] {
  const scope = auth.isAdmin ? undefined : auth.projectId ? projectNamespace(auth.projectId) : null;
  if (scope === null) return [];
  return stores.instanceActions.list(scope).filter((a) => a.spec.serverId === serverId);
}

/** The server's actions; 404 for a server the caller cannot see, or (before 2.21) one that is deleted. */
function actionsOf(stores: Stores, ctx: ItemContext): InstanceAction[] {
  const id = ctx.params.serverId;
  const live = stores.servers.list().some((s) => s.metadata.name === id);
  if (live || !at(ctx.microversion, 'DELETED_SERVER_ACTIONS')) findServer(stores, ctx.auth, id);
  const actions = recordedActions(stores, ctx.auth, id);
  // A deleted server is known by its records (its create at least); one never seen is a 404.
  if (!live && !actions.length) throw notFound(`Instance ${id} could not be found.`);
  return actions.sort(newestFirst);
}

export function listInstanceActionsHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const actions = actionsOf(stores, ctx);
    const { page, next } = at(ctx.microversion, 'INSTANCE_ACTIONS_PAGING') ? pageActions(actions, ctx.query, ctx.microversion) : { page: actions, next: undefined };
    const links = nextPageLinks(ctx.baseUrl, `servers/${ctx.params.serverId}/os-instance-actions`, next);
    return { body: { instanceActions: page.map((a) => instanceActionView(a, ctx.microversion)), ...(links ? { links } : {}) } };
  };
}

export function showInstanceActionHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const found = actionsOf(stores, ctx).find((a) => a.spec.requestId === ctx.params.requestId);
    if (!found) throw notFound(`Action ${ctx.params.requestId} not found`);
    const host = stores.servers.list().find((s) => s.metadata.name === ctx.params.serverId)?.status?.host;
    const shown = { events: ctx.auth.isAdmin || at(ctx.microversion, 'EVENTS_FOR_ALL'), admin: ctx.auth.isAdmin, microversion: ctx.microversion, host };
    return { body: { instanceAction: instanceActionDetailView(found, shown) } };
  };
}
