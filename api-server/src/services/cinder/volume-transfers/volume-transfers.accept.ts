// Accepting a transfer: any project's member with the transfer's id and key takes the volume and
// its snapshots. The transfer is claimed first, in one write (two accepts cannot both win); then
// the snapshots are copied into the taker's namespace, the taker's Volume is made (same id,
// transferredFrom the giver's namespace), and the giver's is marked transferredTo, which hides
// it. The operator moves the data (the claim's PersistentVolume) and deletes what the giver
// kept; every step here is idempotent, so an accept cut short is finished by the next one. The
// taker's project claims the volume's quota first (413 when it has no room), the giver's is then released.
import type { Static } from '@sinclair/typebox';
import type { Snapshot, Volume, VolumeTransfer } from '../../../../../crds/types.generated.js';
import { isAlreadyExists, isNotFound } from '../../../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { verifyPasswordHash } from '../../../auth/password.js';
import type { Stores } from '../../../deps.js';
import { badRequest, projectNotReady } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import type { ResourceStore } from '../../../kube/store.js';
import { invalidVolume, pathProject, volumeNotFound } from '../cinder.errors.js';
import { claimVolumeQuota, releaseVolumeQuota, snapshotClaim, volumeClaim } from '../quotas/quotas.admission.js';
import { snapshotsOfVolume } from '../volumes/volumes.access.js';
import { newVolume } from '../volumes/volumes.handlers.js';
import { withTransientStatus } from '../volumes/volumes.mapper.js';
import { volumeStatus } from '../volumes/volumes.view.js';
import { transferNotFound } from './volume-transfers.access.js';
import type { acceptTransferBody } from './volume-transfers.schema.js';
import { transferSummaryView } from './volume-transfers.view.js';

type Taker = NonNullable<VolumeTransfer['spec']['acceptedBy']>;

/** The transfer, unless it is gone or another project has it; then the key, then the volume's state. */
async function checkAcceptable(stores: Stores, id: string, taker: Taker, authKey: string): Promise<{ transfer: VolumeTransfer; giver: Volume }> {
  const transfer = stores.volumeTransfers.list().find((t) => t.metadata.name === id);
  if (!transfer || (transfer.spec.acceptedBy && transfer.spec.acceptedBy.projectId !== taker.projectId)) throw transferNotFound(id);
  if (!(await verifyPasswordHash(authKey, transfer.spec.authKeyHash))) throw badRequest(`Invalid auth key: Attempt to transfer ${id} with invalid auth key.`);
  const giver = stores.volumes.get(transfer.spec.volumeId, transfer.metadata.namespace);
  if (!giver) throw volumeNotFound(transfer.spec.volumeId);
  const status = volumeStatus(giver);
  if (!transfer.spec.acceptedBy && status !== 'awaiting-transfer') throw invalidVolume(`status must be awaiting-transfer, but current status is: ${status}.`);
  return { transfer, giver };
}

async function claimTransfer(stores: Stores, t: VolumeTransfer, taker: Taker): Promise<void> {
  const claimed = await stores.volumeTransfers.update(t.metadata.name, t.metadata.namespace, (cur) => {
    if (cur.spec.acceptedBy && cur.spec.acceptedBy.projectId !== taker.projectId) throw transferNotFound(t.metadata.name);
    return cur.spec.acceptedBy ? undefined : { ...cur, spec: { ...cur.spec, acceptedBy: taker } };
  });
  if (!claimed) throw transferNotFound(t.metadata.name);
}

async function createOrKeep<T extends Volume | Snapshot>(store: ResourceStore<T>, obj: T, projectId: string): Promise<void> {
  try {
    await store.create(obj);
  } catch (err) {
    if (isNotFound(err)) throw projectNotReady(projectId);
    if (!isAlreadyExists(err)) throw err;
  }
}

function takenVolume(giver: Volume, taker: Taker, transfer: VolumeTransfer): Volume {
  const { transientStatus: _t, transferredTo: _to, ...spec } = giver.spec;
  const transferredFrom = { namespace: giver.metadata.namespace ?? '', transferId: transfer.metadata.name, ...(transfer.spec.noSnapshots ? { noSnapshots: true } : {}) };
  return newVolume(giver.metadata.name, { ...spec, ...taker, attachments: [], transferredFrom, updatedAt: new Date().toISOString() });
}

function takenSnapshot(s: Snapshot, taker: Taker): Snapshot {
  const labels = { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: taker.projectId };
  return { ...typeMeta(Resources.Snapshot), metadata: { name: s.metadata.name, namespace: projectNamespace(taker.projectId), labels }, spec: { ...s.spec, ...taker } };
}

async function moveVolume(stores: Stores, giver: Volume, transfer: VolumeTransfer, taker: Taker): Promise<void> {
  // no_snapshots (3.55): the giver keeps the volume's snapshot records.
  const snapshots = transfer.spec.noSnapshots ? [] : snapshotsOfVolume(stores, giver);
  for (const s of snapshots) await createOrKeep(stores.snapshots, takenSnapshot(s, taker), taker.projectId);
  await createOrKeep(stores.volumes, takenVolume(giver, taker, transfer), taker.projectId);
  await stores.volumes.update(giver.metadata.name, giver.metadata.namespace, (cur) => ({ ...cur, spec: { ...cur.spec, transferredTo: taker.projectId } }));
  for (const s of snapshots) await stores.snapshots.delete(s.metadata.name, s.metadata.namespace);
}

/** A project taking its own volume only changes the volume's user. */
async function keepInProject(stores: Stores, giver: Volume, taker: Taker): Promise<void> {
  await stores.volumes.update(giver.metadata.name, giver.metadata.namespace, (cur) => ({ ...cur, spec: { ...withTransientStatus(cur.spec), userId: taker.userId, updatedAt: new Date().toISOString() } }));
}

/**
 * The taker's project claims the volume (and the snapshots that go with it) before anything moves:
 * over quota is Cinder's 413 and nothing changes; all or none.
 */
async function claimForTaker(stores: Stores, giver: Volume, transfer: VolumeTransfer, taker: Taker): Promise<string[]> {
  const snapshots = transfer.spec.noSnapshots ? [] : snapshotsOfVolume(stores, giver);
  const claims = [volumeClaim(giver), ...snapshots.map((s) => snapshotClaim(s, giver.spec.volumeTypeName))];
  const taken: string[] = [];
  try {
    for (const claim of claims) {
      await claimVolumeQuota(stores, taker.projectId, claim);
      taken.push(claim.key);
    }
  } catch (err) {
    await releaseVolumeQuota(stores, taker.projectId, taken).catch(() => undefined);
    throw err;
  }
  return taken;
}

export function acceptTransferHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof acceptTransferBody>, object>): Promise<RouteResult> => {
    const taker = { projectId: pathProject(ctx.auth, ctx.params.projectId), userId: ctx.auth.userId };
    const { transfer, giver } = await checkAcceptable(stores, ctx.params.transferId, taker, ctx.body.accept.auth_key);
    if (projectNamespace(taker.projectId) === giver.metadata.namespace) {
      await claimTransfer(stores, transfer, taker);
      await keepInProject(stores, giver, taker);
    } else {
      const moved = await claimForTaker(stores, giver, transfer, taker);
      await claimTransfer(stores, transfer, taker);
      await moveVolume(stores, giver, transfer, taker);
      // The giver's claims go once the taker's volume is written (the operator deletes the giver's records).
      await releaseVolumeQuota(stores, giver.spec.projectId, moved);
    }
    await stores.volumeTransfers.delete(transfer.metadata.name, transfer.metadata.namespace);
    return { body: { transfer: transferSummaryView(transfer, ctx.baseUrl) } };
  };
}
