// resize / confirmResize / revertResize. A resize asks for a new boot on the new flavor (spec.boot
// kind Resize) and keeps the flavor to go back to (spec.resize): the operator replaces the Pod
// with one of the new flavor's requests, RESIZE meanwhile, then VERIFY_RESIZE. confirmResize drops
// the way back (ACTIVE, or SHUTOFF for a server resized while stopped); revertResize boots the old
// flavor again (REVERT_RESIZE, then ACTIVE), and a cold migration's revert goes back to the host
// it left. Nova's state checks run on the live object. The quota follows the flavor: a resize
// claims the new flavor's cores and RAM under the server's claim (only growth is checked, Nova's
// upsize delta) before the spec is written, a revert claims the old flavor's again (a revert of a
// downsize may not fit, as in Nova), and a refused change gives the claim its old amounts back.
import type { Flavor, Server } from '../../../../../crds/types.generated.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { claimServerFlavor } from '../quota-sets/quota-sets.admission.js';
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
function checkNewFlavor(stores: Stores, auth: AuthContext, server: Server, ref: string | number): Flavor {
  const id = String(ref).split('/').pop() ?? String(ref);
  const flavor = lookupFlavor(stores.flavors, auth, id);
  if (!flavor || flavor.spec.disabled) throw badRequest('Unable to locate requested flavor.');
  if (id === server.spec.flavorRef) throw badRequest('When resizing, instances must change flavor!');
  return flavor;
}

interface ResizeDeps {
  stores: Stores;
  quotas: QuotaAdmission;
}

/**
 * Claims the server's quota on flavor `to`, then makes the change; when the change is refused (a
 * state check's 409), the claim goes back to flavor `from`. A flavor no longer known claims nothing.
 */
async function withFlavorClaim(deps: ResizeDeps, server: Server, flavors: { from?: Flavor; to?: Flavor }, change: () => Promise<unknown>): Promise<void> {
  const { from, to } = flavors;
  if (to) await claimServerFlavor(deps.quotas, server, to.spec);
  try {
    await change();
  } catch (err) {
    if (to && from) await claimServerFlavor(deps.quotas, server, from.spec).catch(() => undefined);
    throw err;
  }
}

export async function resizeServer(deps: ResizeDeps, auth: AuthContext, server: Server, body: ResizeBody): Promise<void> {
  const { stores } = deps;
  const to = checkNewFlavor(stores, auth, server, body.flavorRef);
  const flavorRef = to.metadata.name;
  checkInstanceState(server, 'resize', RESIZE_FROM); // Nova's 409 comes before its quota's 403 (checked again on the live object)
  await withFlavorClaim(deps, server, { from: stores.flavors.get(server.spec.flavorRef), to }, () => guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'resize', RESIZE_FROM);
    return { ...cur.spec, flavorRef, resize: { oldFlavorRef: cur.spec.flavorRef }, boot: nextBoot(cur, 'Resize') };
  }));
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

export async function revertResize(deps: ResizeDeps, auth: AuthContext, server: Server): Promise<void> {
  const { stores } = deps;
  const old = server.spec.resize?.oldFlavorRef;
  checkInstanceState(server, 'revertResize', RESIZED);
  const flavors = old ? { from: stores.flavors.get(server.spec.flavorRef), to: stores.flavors.get(old) } : {};
  await withFlavorClaim(deps, server, flavors, () => guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'revertResize', RESIZED);
    const back = cur.spec.resize?.oldFlavorRef ?? cur.spec.flavorRef;
    const boot = nextBoot(cur, 'RevertResize');
    return { ...cur.spec, flavorRef: back, resize: undefined, boot, migration: returnTrip(cur, boot.serial) };
  }));
}
