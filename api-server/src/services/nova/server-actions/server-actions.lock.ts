// lock / unlock, and the check every guarded action makes. As in Nova: the lock records who locked
// the server (its owner, or an admin), a locked server refuses guarded actions from anyone but an
// admin with 409, and only an admin may unlock a server an admin locked (403). Locking a locked
// server, or unlocking an unlocked one, changes nothing and succeeds. From 2.73 a lock may say why.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, forbidden, notFound } from '../../../common/errors.js';
import { check } from '../../../common/validate.js';
import { at } from '../microversion.js';
import { lockBody } from './server-actions.schema.js';
import type { AuthContext } from '../../../common/route.js';

/** Nova's check_instance_lock: admins pass, everyone else gets InstanceIsLocked. */
export function checkUnlocked(server: Server, auth: AuthContext): void {
  if (server.spec.lock && !auth.isAdmin) throw conflict(`Instance ${server.metadata.name} is locked`);
}

async function writeLock(stores: Stores, server: Server, change: (cur: Server) => Server['spec']['lock']): Promise<void> {
  const written = await stores.servers.update(server.metadata.name, server.metadata.namespace, (cur) => ({ ...cur, spec: { ...cur.spec, lock: change(cur) } }));
  if (!written) throw notFound(`Instance ${server.metadata.name} could not be found.`);
}

/** Nova's locked_by for this caller: the server's own project locks as owner, anyone else (an admin) as admin. */
const lockerOf = (server: Server, auth: AuthContext): 'owner' | 'admin' => (auth.projectId === server.spec.projectId ? 'owner' : 'admin');

/** 2.73's locked_reason, the only key a lock's body may then have (Nova reads nothing of it before). */
function lockReason(body: unknown, mv: string | undefined): string | undefined {
  if (!at(mv, 'LOCKED_REASON') || body === null || body === undefined) return undefined;
  const invalid = check(lockBody, body, 'lock');
  if (invalid) throw badRequest(invalid);
  return (body as { locked_reason?: string }).locked_reason;
}

export async function lockServer(stores: Stores, ctx: { auth: AuthContext; microversion?: string }, server: Server, body?: unknown): Promise<void> {
  const reason = lockReason(body, ctx.microversion);
  await writeLock(stores, server, (cur) => cur.spec.lock ?? { lockedBy: lockerOf(cur, ctx.auth), ...(reason ? { reason } : {}) });
}

export async function unlockServer(stores: Stores, auth: AuthContext, server: Server): Promise<void> {
  await writeLock(stores, server, (cur) => {
    if (cur.spec.lock && cur.spec.lock.lockedBy !== lockerOf(cur, auth) && !auth.isAdmin) throw forbidden('Policy doesn\'t allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.');
    return undefined;
  });
}
