// resize / confirmResize / revertResize. A resize asks for a new boot on the new flavor (spec.boot
// kind Resize) and keeps the flavor to go back to (spec.resize): the operator replaces the Pod
// with one of the new flavor's requests, RESIZE meanwhile, then VERIFY_RESIZE. confirmResize drops
// the way back (ACTIVE, or SHUTOFF for a server resized while stopped); revertResize boots the old
// flavor again (REVERT_RESIZE, then ACTIVE), and a cold migration's revert goes back to the host
// it left. Nova's state checks run on the live object.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { lookupFlavor } from '../flavors/flavors.access.js';
import { checkInstanceState, guardedChange } from './server-actions.power.js';
import { nextBoot } from './server-actions.boot.js';
import type { ResizeBody } from './server-actions.schema.js';

const RESIZE_FROM = new Set(['active', 'stopped']);
const RESIZED = new Set(['resized']);

/** The flavor to resize to: one the caller may use (a disabled one is as missing, as in Nova), other than the current one. */
function checkNewFlavor(stores: Stores, auth: AuthContext, server: Server, ref: string | number): string {
  const id = String(ref).split('/').pop() ?? String(ref);
  const flavor = lookupFlavor(stores.flavors, auth, id);
  if (!flavor || flavor.spec.disabled) throw badRequest('Unable to locate requested flavor.');
  if (id === server.spec.flavorRef) throw badRequest('When resizing, instances must change flavor!');
  return id;
}

export async function resizeServer(stores: Stores, auth: AuthContext, server: Server, body: ResizeBody): Promise<void> {
  const flavorRef = checkNewFlavor(stores, auth, server, body.flavorRef);
  await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'resize', RESIZE_FROM);
    return { ...cur.spec, flavorRef, resize: { oldFlavorRef: cur.spec.flavorRef }, boot: nextBoot(cur, 'Resize') };
  });
}

/** 204, as Nova answers it. */
export async function confirmResize(stores: Stores, auth: AuthContext, server: Server): Promise<{ status: number }> {
  await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'confirmResize', RESIZED);
    return { ...cur.spec, resize: undefined, migration: undefined };
  });
  return { status: 204 };
}

/** A reverted cold migration goes back to the host it left, from the one it reached. */
function returnTrip(cur: Server, serial: number): Server['spec']['migration'] {
  const m = cur.spec.migration;
  const here = cur.status?.host;
  if (!m || !here) return undefined;
  return { kind: 'Cold', serial, fromHost: here, toHost: m.fromHost };
}

export async function revertResize(stores: Stores, auth: AuthContext, server: Server): Promise<void> {
  await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'revertResize', RESIZED);
    const back = cur.spec.resize?.oldFlavorRef ?? cur.spec.flavorRef;
    const boot = nextBoot(cur, 'RevertResize');
    return { ...cur.spec, flavorRef: back, resize: undefined, boot, migration: returnTrip(cur, boot.serial) };
  });
}
