// The Snapshot kind's half of the reconcile shell. Where the volume's claim is provisioned by a
// driver that has a VolumeSnapshotClass, the snapshot is realized as a CSI VolumeSnapshot of the
// claim (made once; polled until ready, since its CRDs may not exist where no informer could
// watch them); elsewhere it stays a record. Either way the status is computed from the volume and
// what exists, and the shell writes it when it changed.
import type { Snapshot, SnapshotStatus, Volume } from '../../../../crds/types.generated.js';
import { isNotFound, type KubeClient } from '../../../../crds/client/client.js';
import { volumeClaimName, volumeSnapshotName } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { PersistentVolumeClaim, StorageClass, VolumeSnapshot, VolumeSnapshotClass } from '../../../../crds/kube-types.js';
import { createOrGet } from '../../runtime/apply.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import type { ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { desiredVolumeSnapshot, snapshotClassFor } from './snapshot.resources.js';
import { computeSnapshotStatus, recordOnly, SnapshotReason, type Realization } from './snapshot.status.js';

export interface SnapshotReconcilerDeps {
  kube: KubeClient;
  snapshots: ObjectCache<Snapshot>;
  volumes: ObjectCache<Volume>;
  persistentVolumeClaims: ObjectCache<PersistentVolumeClaim>;
  storageClasses: ObjectCache<StorageClass>;
  events: EventRecorder;
  now?: () => Date;
}

/** How often a VolumeSnapshot that is not ready yet is looked at again. */
export const VOLUME_SNAPSHOT_POLL_MS = 2_000;

export class SnapshotReconciler implements ReconcileAdapter<Snapshot, SnapshotStatus> {
  readonly res = Resources.Snapshot;
  readonly cache: ObjectCache<Snapshot>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: SnapshotReconcilerDeps) {
    this.cache = d.snapshots;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(s: Snapshot, ctx: StepContext<Snapshot>): Promise<StepOutcome<SnapshotStatus>> {
    const volume = this.volumeOf(s);
    const r = await this.realize(s, volume);
    const pending = 'volumeSnapshot' in r && !r.volumeSnapshot.status?.readyToUse && !r.volumeSnapshot.status?.error;
    return { status: computeSnapshotStatus(s, volume, r, ctx.now), ...(pending ? { requeueAfter: VOLUME_SNAPSHOT_POLL_MS } : {}) };
  }

  /** Its volume: in its namespace, or given away without its snapshots (3.55's no_snapshots) to another. */
  private volumeOf(s: Snapshot): Volume | undefined {
    const ns = s.metadata.namespace;
    return this.d.volumes.get(s.spec.volumeId, ns) ?? this.d.volumes.list().find((v) => v.metadata.name === s.spec.volumeId && v.spec.transferredFrom?.namespace === ns && v.spec.transferredFrom?.noSnapshots === true);
  }

  async finalize(): Promise<StepOutcome<SnapshotStatus>> {
    return {};
  }

  transitionEvents(prev: SnapshotStatus | undefined, next: SnapshotStatus): EventSpec[] {
    if (next.status !== 'error' || prev?.status === 'error') return [];
    return [{ type: 'Warning', reason: 'SnapshotFailed', note: next.conditions?.find((c) => c.status === 'False')?.message ?? 'The snapshot failed' }];
  }

  /** The VolumeSnapshot made before, or a new one where a class fits; else why it stays a record. */
  private async realize(s: Snapshot, volume: Volume | undefined): Promise<Realization> {
    const before = await this.madeBefore(s);
    if (before) return before;
    if (!volume) return recordOnly('its volume does not exist');
    const claim = this.d.persistentVolumeClaims.get(volumeClaimName(volume.metadata.name), volume.metadata.namespace);
    const driver = claim?.spec.storageClassName ? this.d.storageClasses.get(claim.spec.storageClassName)?.provisioner : undefined;
    if (!claim || !driver) return recordOnly('the volume\'s claim has no StorageClass yet');
    const snapshotClass = snapshotClassFor(await this.snapshotClasses(), driver);
    if (!snapshotClass) return recordOnly(`the cluster has no VolumeSnapshotClass for driver ${driver}`);
    const { object, created } = await createOrGet(this.d.kube, Resources.VolumeSnapshot, desiredVolumeSnapshot(s, snapshotClass.metadata.name));
    if (created) this.d.events.record(Resources.Snapshot, s, { type: 'Normal', reason: 'CreatedVolumeSnapshot', note: `Created VolumeSnapshot ${volumeSnapshotName(s.metadata.name)} of claim ${claim.metadata.name} (class ${snapshotClass.metadata.name})` });
    return { volumeSnapshot: object };
  }

  /**
   * What an earlier pass decided: its VolumeSnapshot, or its record. A snapshot recorded before
   * stays a record, since a VolumeSnapshot taken now would hold later data.
   */
  private async madeBefore(s: Snapshot): Promise<Realization | undefined> {
    const name = s.status?.volumeSnapshotName;
    const made = name ? await this.d.kube.get<VolumeSnapshot>(Resources.VolumeSnapshot, name, s.metadata.namespace) : undefined;
    if (made) return { volumeSnapshot: made };
    const recorded = s.status?.conditions?.find((c) => c.type === 'Realized' && c.reason === SnapshotReason.RecordOnly);
    return recorded && s.status?.status !== 'creating' ? { recordOnly: recorded.message } : undefined;
  }

  /** Every VolumeSnapshotClass; none where the snapshot CRDs are not installed (a 404). */
  private async snapshotClasses(): Promise<VolumeSnapshotClass[]> {
    try {
      return (await this.d.kube.list<VolumeSnapshotClass>(Resources.VolumeSnapshotClass)).items;
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
  }
}
