// A Snapshot's status as a pure function of its source volume and, where the cluster took one,
// its CSI VolumeSnapshot. Realized by a VolumeSnapshot: creating until the snapshotter says
// readyToUse, error when it reports an error. As a record (no snapshot class for the volume's
// driver): available while the volume exists, as there is nothing to wait for. The Realized
// condition says which, plainly.
import type { Snapshot, SnapshotStatus, Volume } from '../../../../crds/types.generated.js';
import type { VolumeSnapshot } from '../../../../crds/kube-types.js';
import { setConditions } from '../../runtime/conditions.js';

export const SnapshotReason = {
  SourceVolumePresent: 'SourceVolumePresent',
  SourceVolumeMissing: 'SourceVolumeMissing',
  RecordOnly: 'RecordOnly',
  VolumeSnapshotReady: 'VolumeSnapshotReady',
  VolumeSnapshotPending: 'VolumeSnapshotPending',
  VolumeSnapshotFailed: 'VolumeSnapshotFailed',
} as const;

/** How the snapshot stands on the cluster: a VolumeSnapshot, or a record (the Realized message says why). */
export type Realization = { volumeSnapshot: VolumeSnapshot } | { recordOnly: string };

export function recordOnly(why: string): Realization {
  return { recordOnly: `Kept as a record with Cinder's states; no data is copied: ${why}` };
}

type Cond = { status: 'True' | 'False'; reason: string; message: string };

function realized(r: Realization): Cond & { cinder?: 'creating' | 'error' } {
  if ('recordOnly' in r) return { status: 'False', reason: SnapshotReason.RecordOnly, message: r.recordOnly };
  const { metadata, status } = r.volumeSnapshot;
  if (status?.error) return { cinder: 'error', status: 'False', reason: SnapshotReason.VolumeSnapshotFailed, message: `VolumeSnapshot ${metadata.name}: ${status.error.message ?? 'failed'}` };
  if (status?.readyToUse) return { status: 'True', reason: SnapshotReason.VolumeSnapshotReady, message: `VolumeSnapshot ${metadata.name} is ready to use` };
  return { cinder: 'creating', status: 'False', reason: SnapshotReason.VolumeSnapshotPending, message: `Waiting for VolumeSnapshot ${metadata.name} to be ready to use` };
}

export function computeSnapshotStatus(s: Snapshot, volume: Volume | undefined, r: Realization, now: Date): SnapshotStatus {
  const observedGeneration = s.metadata.generation;
  const ready = volume
    ? { status: 'True' as const, reason: SnapshotReason.SourceVolumePresent, message: `Snapshot of volume ${volume.metadata.name} (${s.spec.size} GiB)` }
    : { status: 'False' as const, reason: SnapshotReason.SourceVolumeMissing, message: `Volume ${s.spec.volumeId} does not exist` };
  const { cinder, ...real } = realized(r);
  const conditions = setConditions(s.status?.conditions, [
    { type: 'Ready', ...ready, observedGeneration },
    { type: 'Realized', ...real, observedGeneration },
  ], now);
  const status = !volume ? 'error' : (cinder ?? 'available');
  const volumeSnapshotName = 'volumeSnapshot' in r ? r.volumeSnapshot.metadata.name : undefined;
  return { status, ...(volumeSnapshotName ? { volumeSnapshotName } : {}), ...(observedGeneration !== undefined ? { observedGeneration } : {}), conditions };
}
