// trigger_crash_dump (2.17) and changePassword. A crash dump is an NMI to the guest: it panics,
// kdump saves its core and it boots again, so here it is a new boot (CrashDump) whose console
// starts with the panic; Nova changes no state for it. changePassword needs an agent in the guest
// to set the password: a container has none, so after Nova's checks it is Nova's 501 for a driver
// that cannot, never a pretend success.
import { Type, type Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { ApiError, badRequest } from '../../../common/errors.js';
import { atLeast } from '../../../common/microversion.js';
import { strictObject } from '../../../common/parameter-types.js';
import type { AuthContext } from '../../../common/route.js';
import { nextBoot } from './server-actions.boot.js';
import { checkUnlocked } from './server-actions.lock.js';
import { checkInstanceState, guardedChange } from './server-actions.power.js';

const CRASH_DUMP_FROM = new Set(['active', 'paused', 'rescued', 'resized', 'error']);
const CHANGE_PASSWORD_FROM = new Set(['active']);

export const changePasswordBody = strictObject({ adminPass: Type.String() });
export type ChangePasswordBody = Static<typeof changePasswordBody>;

export async function triggerCrashDump(stores: Stores, ctx: { auth: AuthContext; microversion?: string }, server: Server): Promise<void> {
  if (!atLeast(ctx.microversion, '2.17')) throw badRequest('There is no such action: trigger_crash_dump');
  await guardedChange(stores, ctx.auth, server, (cur) => {
    checkInstanceState(cur, 'trigger_crash_dump', CRASH_DUMP_FROM);
    return { ...cur.spec, boot: nextBoot(cur, 'CrashDump') };
  });
}

export function changePassword(auth: AuthContext, server: Server): never {
  checkUnlocked(server, auth);
  checkInstanceState(server, 'changePassword', CHANGE_PASSWORD_FROM);
  throw new ApiError(501, 'Unable to set password on instance');
}
