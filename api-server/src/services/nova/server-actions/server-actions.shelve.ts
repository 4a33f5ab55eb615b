// shelve / shelveOffload / unshelve. Nova's default shelved_offload_time is 0: a shelved server is
// offloaded at once, so shelve goes straight to SHELVED_OFFLOADED here: a snapshot image named
// "<name>-shelved" is kept (none for a volume-backed server), the Pod goes and the host is
// released. shelveOffload therefore finds nothing left to offload (409 from SHELVED_OFFLOADED, as
// Nova answers). unshelve boots the server again wherever the scheduler puts it (within its
// requested zone) and deletes the shelved image, as Nova does once the instance is spawned.
import type { Server } from '../../../../../crds/types.generated.js';
import type { AuthContext } from '../../../common/route.js';
import { badRequest } from '../../../common/errors.js';
import { check } from '../../../common/validate.js';
import { at } from '../microversion.js';
import { zoneListView } from '../availability-zones/availability-zones.view.js';
import { unshelveBody } from './server-actions.schema.js';
import { checkInstanceState, guardedChange } from './server-actions.power.js';
import { checkUnlocked } from './server-actions.lock.js';
import { createServerImage, type ImageDeps } from './server-actions.image.js';

const SHELVE_FROM = new Set(['active', 'stopped', 'paused', 'suspended']);
const SHELVE_OFFLOAD_FROM = new Set(['shelved']);
const UNSHELVE_FROM = new Set(['shelved', 'shelved_offloaded']);

export async function shelveServer(deps: ImageDeps, auth: AuthContext, server: Server): Promise<void> {
  checkUnlocked(server, auth);
  checkInstanceState(server, 'shelve', SHELVE_FROM);
  const image = server.spec.imageRef ? await createServerImage(deps, server, { name: `${server.spec.name}-shelved` }, auth) : undefined;
  try {
    await guardedChange(deps.stores, auth, server, (cur) => {
      checkInstanceState(cur, 'shelve', SHELVE_FROM);
      return { ...cur.spec, powerState: 'Shelved', ...(image ? { shelvedImageId: image.metadata.name } : {}) };
    });
  } catch (err) {
    if (image) await deps.stores.images.delete(image.metadata.name).catch(() => undefined);
    throw err;
  }
}

/** Never anything to do here (shelve offloads at once); Nova's checks still answer as Nova does. */
export async function shelveOffloadServer(_deps: ImageDeps, auth: AuthContext, server: Server): Promise<void> {
  checkUnlocked(server, auth);
  checkInstanceState(server, 'shelveOffload', SHELVE_OFFLOAD_FROM);
}

/** 2.77's zone: one the cluster's nodes have (Nova's 400 otherwise); below 2.77 the body is not read. */
function unshelveZone(deps: ImageDeps, body: unknown, mv: string | undefined): string | undefined {
  if (!at(mv, 'UNSHELVE_ZONE') || body === null || body === undefined) return undefined;
  const invalid = check(unshelveBody, body, 'unshelve');
  if (invalid) throw badRequest(invalid);
  const zone = (body as { availability_zone: string }).availability_zone;
  if (!zoneListView(deps.stores.nodes.list()).some((z) => z.zoneName === zone)) throw badRequest('The requested availability zone is not available');
  return zone;
}

export async function unshelveServer(deps: ImageDeps, ctx: { auth: AuthContext; microversion?: string }, server: Server, body?: unknown): Promise<void> {
  const zone = unshelveZone(deps, body, ctx.microversion);
  // The image is the live server's: the one its accepted unshelve took off it.
  let imageId: string | undefined;
  await guardedChange(deps.stores, ctx.auth, server, (cur) => {
    checkInstanceState(cur, 'unshelve', UNSHELVE_FROM);
    imageId = cur.spec.shelvedImageId;
    // The operator places the new Pod in the server's zone (its required node affinity).
    return { ...cur.spec, powerState: 'Running', shelvedImageId: undefined, ...(zone ? { availabilityZone: zone } : {}) };
  });
  if (imageId) await deps.stores.images.delete(imageId).catch(() => undefined);
}
