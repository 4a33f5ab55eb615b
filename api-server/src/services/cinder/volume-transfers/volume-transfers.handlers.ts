// Transfer handlers, as Cinder's volume_transfer controller: create (an available volume, whose
// snapshots are all available, becomes awaiting-transfer; the auth key is shown once), list and
// detail, show, and delete (the volume is available again). Accepting is volume-transfers.accept.ts.
import type { Static } from '@sinclair/typebox';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Volume, VolumeTransfer } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL } from '../../../../../crds/naming.js';
import { API_VERSION, Resources, typeMeta } from '../../../../../crds/resources.js';
import { hashPassword, type ScryptParams } from '../../../auth/password.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { invalidVolume, pathProject, volumeNotFound } from '../cinder.errors.js';
import { snapshotStatus } from '../snapshots/snapshots.view.js';
import { findVolume, snapshotsOfVolume } from '../volumes/volumes.access.js';
import { withTransientStatus } from '../volumes/volumes.mapper.js';
import { volumeStatus } from '../volumes/volumes.view.js';
import { findOwnTransfer, listedTransfers } from './volume-transfers.access.js';
import type { createTransferBodyV355, listTransfersQuery } from './volume-transfers.schema.js';
import { transferCreatedView, transferDetailView, transferSummaryView } from './volume-transfers.view.js';

/** 16 hex digits (64 random bits), as long as Cinder's default volume_transfer_key_length. */
const newAuthKey = (): string => randomBytes(8).toString('hex');
/** The key is random, not chosen by a person, so a cheaper scrypt than passwords' suffices. */
export const TRANSFER_KEY_SCRYPT: ScryptParams = { ln: 12, r: 8, p: 1 };

/** Cinder's create checks: the volume is available, and so is each of its snapshots when they go with it. */
function checkTransferable(stores: Stores, v: Volume, noSnapshots: boolean): void {
  const status = volumeStatus(v);
  if (status !== 'available') throw invalidVolume(`status must be available, but current status is: ${status}.`);
  const busy = noSnapshots ? undefined : snapshotsOfVolume(stores, v).find((s) => snapshotStatus(s) !== 'available');
  if (busy) throw badRequest(`Invalid snapshot: snapshot: ${busy.metadata.name} status must be available`);
}

function newTransfer(v: Volume, auth: AuthContext, req: { name?: string | null; no_snapshots?: boolean }, authKeyHash: string): VolumeTransfer {
  const name = req.name ?? undefined;
  // Goes with its volume: a deleted volume's transfers are collected by the garbage collector.
  const owner = { apiVersion: API_VERSION, kind: Resources.Volume.kind, name: v.metadata.name, uid: v.metadata.uid ?? '' };
  return {
    ...typeMeta(Resources.VolumeTransfer),
    metadata: { name: randomUUID(), namespace: v.metadata.namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: v.spec.projectId }, ownerReferences: [owner] },
    spec: { projectId: v.spec.projectId, userId: auth.userId, volumeId: v.metadata.name, ...(name ? { name } : {}), authKeyHash, noSnapshots: req.no_snapshots === true, createdAt: new Date().toISOString() },
  };
}

/** awaiting-transfer, checked again on the live volume, so two transfers of one volume cannot both start. */
async function markAwaiting(stores: Stores, v: Volume): Promise<void> {
  const marked = await stores.volumes.update(v.metadata.name, v.metadata.namespace, (cur) => {
    const status = volumeStatus(cur);
    if (status !== 'available' || cur.spec.transferredTo) throw invalidVolume(`status must be available, but current status is: ${status}.`);
    return { ...cur, spec: withTransientStatus(cur.spec, 'awaiting-transfer') };
  });
  if (!marked) throw volumeNotFound(v.metadata.name);
}

/** Back to what the volume would be without the transfer (nothing when something else changed it since). */
export async function unmarkAwaiting(stores: Stores, v: { name: string; namespace?: string }): Promise<void> {
  await stores.volumes.update(v.name, v.namespace, (cur) => (cur.spec.transientStatus === 'awaiting-transfer' ? { ...cur, spec: withTransientStatus(cur.spec) } : undefined));
}

export function createTransferHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createTransferBodyV355>, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const req = ctx.body.transfer;
    const volume = findVolume(stores, ctx.auth, req.volume_id);
    checkTransferable(stores, volume, req.no_snapshots === true);
    const authKey = newAuthKey();
    const transfer = newTransfer(volume, ctx.auth, req, await hashPassword(authKey, TRANSFER_KEY_SCRYPT));
    await markAwaiting(stores, volume);
    try {
      const made = await stores.volumeTransfers.create(transfer);
      return { body: { transfer: transferCreatedView(made, ctx.baseUrl, authKey, ctx.microversion) } };
    } catch (err) {
      await unmarkAwaiting(stores, volume.metadata);
      throw err;
    }
  };
}

export function listTransfersHandler(stores: Stores, detail: boolean) {
  return async (ctx: RouteContext<undefined, Static<typeof listTransfersQuery>>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const view = (t: VolumeTransfer): object => (detail ? transferDetailView(t, ctx.baseUrl, ctx.microversion) : transferSummaryView(t, ctx.baseUrl));
    return { body: { transfers: listedTransfers(stores, ctx.auth, ctx.query, ctx.microversion).map(view) } };
  };
}

export function showTransferHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    return { body: { transfer: transferDetailView(findOwnTransfer(stores, ctx.auth, ctx.params.transferId), ctx.baseUrl, ctx.microversion) } };
  };
}

export function deleteTransferHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const t = findOwnTransfer(stores, ctx.auth, ctx.params.transferId);
    await stores.volumeTransfers.delete(t.metadata.name, t.metadata.namespace);
    await unmarkAwaiting(stores, { name: t.spec.volumeId, namespace: t.metadata.namespace });
    return { status: 202 };
  };
}
