// PUT /servers/{id} at 2.1: a new display name or access addresses (Nova's update at 2.1 takes
// nothing else; description is 2.19, hostname 2.90). The write re-reads the live Server inside
// the guarded update; the answer is Nova's show view without its extensions' attributes.
import type { Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { checkAccessIps, findServer } from './servers.handlers.js';
import { attachedVolumeIds } from '../volume-attachments/volume-attachments.release.js';
import { canonicalIPv6 } from './servers.mapper.js';
import { UPDATED_SERVER_KEYS, type updateServerBody } from './servers.schema.js';
import { plainAddresses, serverView } from './servers.view.js';

type UpdateRequest = Static<typeof updateServerBody>['server'];

/** The spec with the asked changes; an empty access address clears it. */
function updatedSpec(spec: Server['spec'], req: UpdateRequest): Server['spec'] {
  const next = { ...spec, ...(req.name !== undefined ? { name: req.name } : {}) };
  if (req.accessIPv4 !== undefined) next.accessIPv4 = req.accessIPv4 || undefined;
  if (req.accessIPv6 !== undefined) next.accessIPv6 = req.accessIPv6 ? canonicalIPv6(req.accessIPv6) : undefined;
  return next;
}

export function updateServerHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateServerBody>, object>): Promise<RouteResult> => {
    const found = findServer(stores, ctx.auth, ctx.params.serverId);
    checkAccessIps(ctx.body.server);
    const updated = await stores.servers.update(found.metadata.name, found.metadata.namespace, (cur) => ({ ...cur, spec: updatedSpec(cur.spec, ctx.body.server) }));
    return { body: { server: updatedServerView(stores, ctx.baseUrl, updated ?? found) } };
  };
}

/**
 * Nova's show view without its extensions' attributes: what an update (and a rebuild) answers.
 * Nova builds it with extend_address=False, so each address is its version and addr alone.
 */
export function updatedServerView(stores: Stores, baseUrl: string, server: Server): Record<string, unknown> {
  const full = serverView(baseUrl, server, false, attachedVolumeIds(stores, server)) as Record<string, unknown>;
  return Object.fromEntries(UPDATED_SERVER_KEYS.filter((k) => k in full).map((k) => [k, k === 'addresses' ? plainAddresses(server) : full[k]]));
}
