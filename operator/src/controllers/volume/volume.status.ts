// A Volume's status as a pure function of what was observed: its claim, the claim's
// StorageClass, and its attachment Pods. Cinder's status: creating until the claim is Bound (or
// Pending for its first consumer on a WaitForFirstConsumer class, which is ready to attach),
// error when the claim is Lost or its class does not exist; then attaching until every
// attachment Pod runs, in-use while they do, detaching while removed ones are still there.
// Conditions say the same in Kubernetes' terms: Ready (the claim), Attached, Resized.
import type { Volume, VolumeStatus } from '../../../../crds/types.generated.js';
import type { PersistentVolumeClaim, Pod, StorageClass } from '../../../../crds/kube-types.js';
import { setConditions, type ConditionInput } from '../../runtime/conditions.js';
import { ATTACHMENT_LABEL, mountedAttachments, quantityGiB } from './volume.resources.js';

export const VolumeReason = {
  ClaimPending: 'ClaimPending',
  ClaimBound: 'ClaimBound',
  WaitingForFirstConsumer: 'WaitingForFirstConsumer',
  ClaimLost: 'ClaimLost',
  StorageClassNotFound: 'StorageClassNotFound',
  ClaimConflict: 'ClaimConflict',
  AttachmentPodsRunning: 'AttachmentPodsRunning',
  AttachmentPodsPending: 'AttachmentPodsPending',
  AttachmentPodsMoving: 'AttachmentPodsMoving',
  Detaching: 'Detaching',
  NotAttached: 'NotAttached',
  Expanded: 'Expanded',
  Expanding: 'Expanding',
  ExpansionUnsupported: 'ExpansionUnsupported',
  NoSource: 'NoSource',
  RestoredFromSnapshot: 'RestoredFromSnapshot',
  ClonedFromClaim: 'ClonedFromClaim',
  NoDataCopied: 'NoDataCopied',
  TransferredWithData: 'TransferredWithData',
} as const;

export interface VolumeObservation {
  claim?: PersistentVolumeClaim;
  /** The claim's class; undefined when it names none the cluster has. */
  storageClass?: StorageClass;
  /** This volume's attachment Pods, current and removed. */
  pods: Pod[];
  /** A problem that stops the sync (a same-named claim that is not ours). */
  conflict?: string;
}

type Cond = Omit<ConditionInput, 'type' | 'observedGeneration'>;
const podReady = (p: Pod): boolean => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp;

function claimCondition(v: Volume, o: VolumeObservation): Cond & { cinder: 'creating' | 'available' | 'error' } {
  const claim = o.claim;
  if (o.conflict) return { cinder: 'error', status: 'False', reason: VolumeReason.ClaimConflict, message: o.conflict };
  if (!claim) return { cinder: 'creating', status: 'False', reason: VolumeReason.ClaimPending, message: 'The claim is being created' };
  if (claim.status?.phase === 'Lost') return { cinder: 'error', status: 'False', reason: VolumeReason.ClaimLost, message: `Claim ${claim.metadata.name} lost its volume` };
  if (claim.status?.phase === 'Bound') return { cinder: 'available', status: 'True', reason: VolumeReason.ClaimBound, message: `Claim ${claim.metadata.name} is bound` };
  if (!o.storageClass) {
    const name = claim.spec.storageClassName ?? v.spec.storageClassName ?? '(default)';
    return { cinder: 'error', status: 'False', reason: VolumeReason.StorageClassNotFound, message: `StorageClass ${name} does not exist` };
  }
  if (o.storageClass.volumeBindingMode === 'WaitForFirstConsumer') {
    return { cinder: 'available', status: 'True', reason: VolumeReason.WaitingForFirstConsumer, message: `Claim ${claim.metadata.name} binds on the node of its first attachment` };
  }
  return { cinder: 'creating', status: 'False', reason: VolumeReason.ClaimPending, message: `Claim ${claim.metadata.name} is waiting for a volume` };
}

/**
 * Attachments the volume was already in use with: Cinder keeps such a volume in-use while a server
 * stops and starts again on another node, and its attachment Pod is recreated there.
 */
function established(v: Volume): Set<string> {
  return new Set(v.status?.status === 'in-use' ? (v.status.attachments ?? []).map((a) => a.id) : []);
}

function attachCondition(v: Volume, pods: Pod[]): Cond & { cinder?: 'attaching' | 'in-use' | 'detaching' } {
  const wanted = new Set(mountedAttachments(v).map((a) => a.id));
  const current = pods.filter((p) => wanted.has(p.metadata.labels?.[ATTACHMENT_LABEL] ?? ''));
  const leftover = pods.length - current.length;
  if (wanted.size > 0) {
    const ready = current.filter(podReady).length;
    if (ready === wanted.size) return { cinder: 'in-use', status: 'True', reason: VolumeReason.AttachmentPodsRunning, message: `${ready} attachment Pod(s) running` };
    const waiting = [...wanted].filter((id) => !current.some((p) => podReady(p) && p.metadata.labels?.[ATTACHMENT_LABEL] === id));
    if (waiting.every((id) => established(v).has(id))) {
      return { cinder: 'in-use', status: 'False', reason: VolumeReason.AttachmentPodsMoving, message: `${ready} of ${wanted.size} attachment Pod(s) running; the others follow their servers to new nodes` };
    }
    return { cinder: 'attaching', status: 'False', reason: VolumeReason.AttachmentPodsPending, message: `${ready} of ${wanted.size} attachment Pod(s) running` };
  }
  if (leftover > 0) return { cinder: 'detaching', status: 'False', reason: VolumeReason.Detaching, message: `${leftover} attachment Pod(s) still terminating` };
  return { status: 'False', reason: VolumeReason.NotAttached, message: 'Not attached' };
}

/** Whether the claim holds its source's data: only where it was made with a dataSource. */
function populatedCondition(v: Volume, claim: PersistentVolumeClaim | undefined): Cond {
  const from = claim?.spec.dataSource;
  if (v.spec.transferredFrom && claim?.spec.volumeName) return { status: 'True', reason: VolumeReason.TransferredWithData, message: `Bound to PersistentVolume ${claim.spec.volumeName}, which it held in ${v.spec.transferredFrom.namespace}` };
  if (from?.kind === 'VolumeSnapshot') return { status: 'True', reason: VolumeReason.RestoredFromSnapshot, message: `Restored from VolumeSnapshot ${from.name}` };
  if (from) return { status: 'True', reason: VolumeReason.ClonedFromClaim, message: `Cloned from claim ${from.name}` };
  const source = v.spec.snapshotId ? `snapshot ${v.spec.snapshotId} (no VolumeSnapshot behind it)`
    : v.spec.sourceVolid ? `volume ${v.spec.sourceVolid} (its claim's StorageClass is not a CSI driver's, or differs)`
      : v.spec.imageId ? `image ${v.spec.imageId} (images are not copied into claims)` : undefined;
  if (!source) return { status: 'True', reason: VolumeReason.NoSource, message: 'Created empty, as asked' };
  return { status: 'False', reason: VolumeReason.NoDataCopied, message: `The claim started empty: nothing was copied from ${source}` };
}

/** The size the claim holds in GiB, and whether it still has to grow to the volume's. */
function resizeCondition(v: Volume, o: VolumeObservation): Cond & { size: number } {
  const capacity = quantityGiB(o.claim?.status?.capacity?.storage) ?? quantityGiB(o.claim?.spec.resources.requests.storage);
  if (capacity === undefined || capacity >= v.spec.size) return { size: v.spec.size, status: 'True', reason: VolumeReason.Expanded, message: `${v.spec.size} GiB` };
  if (o.storageClass?.allowVolumeExpansion) return { size: capacity, status: 'False', reason: VolumeReason.Expanding, message: `Growing from ${capacity} to ${v.spec.size} GiB` };
  return { size: v.spec.size, status: 'False', reason: VolumeReason.ExpansionUnsupported, message: `The StorageClass does not allow expansion: the claim keeps ${capacity} GiB, the volume records ${v.spec.size} GiB` };
}

export function computeVolumeStatus(v: Volume, o: VolumeObservation, now: Date): VolumeStatus {
  const observedGeneration = v.metadata.generation;
  const claim = claimCondition(v, o);
  const attach = attachCondition(v, o.pods);
  const resize = resizeCondition(v, o);
  const { cinder: _c, ...ready } = claim;
  const { cinder: _a, ...attached } = attach;
  const { size, ...resized } = resize;
  const conditions = setConditions(v.status?.conditions, [
    { type: 'Ready', ...ready, observedGeneration },
    { type: 'Attached', ...attached, observedGeneration },
    { type: 'Resized', ...resized, observedGeneration },
    { type: 'Populated', ...populatedCondition(v, o.claim), observedGeneration },
  ], now);
  const status = claim.cinder !== 'available' ? claim.cinder : resize.reason === VolumeReason.Expanding ? 'extending' : (attach.cinder ?? 'available');
  return {
    status,
    ...(o.claim ? { claimName: o.claim.metadata.name, claimPhase: o.claim.status?.phase ?? 'Pending' } : {}),
    ...(o.claim?.spec.dataSource ? { dataSource: `${o.claim.spec.dataSource.kind}/${o.claim.spec.dataSource.name}` } : {}),
    size,
    attachments: o.pods.map((p) => ({
      id: p.metadata.labels?.[ATTACHMENT_LABEL] ?? '',
      pod: p.metadata.name,
      ...(p.spec.nodeName ? { node: p.spec.nodeName } : {}),
      ready: podReady(p),
    })),
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    conditions,
  };
}
