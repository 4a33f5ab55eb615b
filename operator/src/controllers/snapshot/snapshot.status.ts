// A Snapshot's status as a pure function of its source volume: available while the volume
// exists (there is nothing to wait for: no data is copied), error when it does not. The Realized
// condition says plainly that no Kubernetes VolumeSnapshot stands behind it.
import type { Snapshot, SnapshotStatus, Volume } from '../../../../crds/types.generated.js';
import { setConditions } from '../../runtime/conditions.js';

export const SnapshotReason = {
  SourceVolumePresent: 'SourceVolumePresent',
  SourceVolumeMissing: 'SourceVolumeMissing',
  RecordOnly: 'RecordOnly',
} as const;

const RECORD_ONLY = 'Kept as a record with Cinder\'s states: no VolumeSnapshot is made and no data is copied (CSI snapshots are not implemented yet, and the local cluster has no snapshot class)';

export function computeSnapshotStatus(s: Snapshot, volume: Volume | undefined, now: Date): SnapshotStatus {
  const observedGeneration = s.metadata.generation;
  const ready = volume
    ? { status: 'True' as const, reason: SnapshotReason.SourceVolumePresent, message: `Snapshot of volume ${volume.metadata.name} (${s.spec.size} GiB)` }
    : { status: 'False' as const, reason: SnapshotReason.SourceVolumeMissing, message: `Volume ${s.spec.volumeId} does not exist` };
  const conditions = setConditions(s.status?.conditions, [
    { type: 'Ready', ...ready, observedGeneration },
    { type: 'Realized', status: 'False', reason: SnapshotReason.RecordOnly, message: RECORD_ONLY, observedGeneration },
  ], now);
  return { status: volume ? 'available' : 'error', ...(observedGeneration !== undefined ? { observedGeneration } : {}), conditions };
}
