// os-resetState (admin only, as Nova's os-admin-actions:reset_state): `error` marks the server
// ERROR whatever its guest does (spec.resetState; the operator shows it, the Pod is untouched, as
// Nova only writes the database), `active` takes that back. Any accepted action also clears it
// (server-actions.power.ts#guardedChange). A locked server is no obstacle to an admin.
import { Type, type Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { forbidden, notFound } from '../../../common/errors.js';
import { strictObject } from '../../../common/parameter-types.js';
import type { AuthContext } from '../../../common/route.js';

/** Nova's reset_state schema: the state is active or error. */
export const resetStateBody = strictObject({ state: Type.Union([Type.Literal('active'), Type.Literal('error')]) });
export type ResetStateBody = Static<typeof resetStateBody>;

export async function resetServerState(stores: Stores, auth: AuthContext, server: Server, body: ResetStateBody): Promise<void> {
  if (!auth.isAdmin) throw forbidden("Policy doesn't allow os_compute_api:os-admin-actions:reset_state to be performed.");
  const written = await stores.servers.update(server.metadata.name, server.metadata.namespace, (cur) => ({
    ...cur,
    spec: { ...cur.spec, resetState: body.state === 'error' ? 'error' : undefined },
  }));
  if (!written) throw notFound(`Instance ${server.metadata.name} could not be found.`);
}
