// rescue / unrescue. Rescue boots the server from a rescue image (the one named, else its own
// image) with its disk still its own, as Nova's libvirt driver does; here that is a new boot
// (spec.boot kind Rescue) whose Pod runs the rescue image, and spec.rescue names it until
// unrescue boots the server's own image again. Nova's checks: an active, stopped or errored
// server with no task (a stopped one is powered on in rescue mode), not volume-backed (before
// 2.87, which this API does not reach), a rescue image the caller can see; unrescue needs a
// rescued one. Rescue answers 200 with the rescue boot's admin password.
import { randomBytes } from 'node:crypto';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import type { AuthContext, RouteResult } from '../../../common/route.js';
import { checkUsableImage, nextBoot } from './server-actions.boot.js';
import { checkInstanceState, guardedChange } from './server-actions.power.js';
import type { RescueBody } from './server-actions.schema.js';

const RESCUE_FROM = new Set(['active', 'stopped', 'error']);
const UNRESCUE_FROM = new Set(['rescued']);

export async function rescueServer(stores: Stores, auth: AuthContext, server: Server, body: RescueBody | null): Promise<RouteResult> {
  if (!server.spec.imageRef) throw badRequest(`Instance ${server.metadata.name} cannot be rescued: Cannot rescue a volume-backed instance`);
  const ref = body?.rescue_image_ref;
  const imageRef = ref === undefined ? undefined : checkUsableImage(stores, auth, ref);
  await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'rescue', RESCUE_FROM);
    return { ...cur.spec, powerState: 'Running', rescue: imageRef ? { imageRef } : {}, boot: nextBoot(cur, 'Rescue') };
  });
  return { status: 200, body: { adminPass: body?.adminPass ?? randomBytes(9).toString('base64url') } };
}

export async function unrescueServer(stores: Stores, auth: AuthContext, server: Server): Promise<void> {
  await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, 'unrescue', UNRESCUE_FROM);
    return { ...cur.spec, rescue: undefined, boot: nextBoot(cur, 'Unrescue') };
  });
}
