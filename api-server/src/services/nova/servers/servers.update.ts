// PUT /servers/{id}: a new display name or access addresses, and from 2.19 a description (hostname
// is 2.90's). The write re-reads the live Server inside the guarded update; the answer is Nova's
// update view at the request's version (servers.versioned-view.ts).
import type { Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { refuseKeysOutsideVersion } from '../microversion.js';
import { checkAccessIps, findServer } from './servers.handlers.js';
import { canonicalIPv6 } from './servers.mapper.js';
import { UPDATE_KEYS, type updateServerBody } from './servers.schema.js';
import { updatedServerView } from './servers.versioned-view.js';

type UpdateRequest = Static<typeof updateServerBody>['server'];

/** The spec with the asked changes; an empty access address clears it, a null description too. */
function updatedSpec(spec: Server['spec'], req: UpdateRequest): Server['spec'] {
  const next = { ...spec, ...(req.name !== undefined ? { name: req.name } : {}) };
  if (req.accessIPv4 !== undefined) next.accessIPv4 = req.accessIPv4 || undefined;
  if (req.accessIPv6 !== undefined) next.accessIPv6 = req.accessIPv6 ? canonicalIPv6(req.accessIPv6) : undefined;
  if (req.description !== undefined) next.description = req.description ?? undefined;
  return next;
}

export function updateServerHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateServerBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.server;
    refuseKeysOutsideVersion('server', req, ctx.microversion, UPDATE_KEYS);
    const found = findServer(stores, ctx.auth, ctx.params.serverId);
    checkAccessIps(req);
    const updated = await stores.servers.update(found.metadata.name, found.metadata.namespace, (cur) => ({ ...cur, spec: updatedSpec(cur.spec, req) }));
    const scope = { microversion: ctx.microversion, isAdmin: ctx.auth.isAdmin, kind: 'update' as const };
    return { body: { server: updatedServerView(stores, ctx.baseUrl, updated ?? found, scope) } };
  };
}
