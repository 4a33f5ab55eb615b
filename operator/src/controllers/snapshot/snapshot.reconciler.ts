// The Snapshot kind's half of the reconcile shell: nothing to create on the cluster yet, so a
// pass computes the status from the source volume and the shell writes it when it changed.
import type { Snapshot, SnapshotStatus, Volume } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import type { ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { computeSnapshotStatus } from './snapshot.status.js';

export interface SnapshotReconcilerDeps {
  kube: KubeClient;
  snapshots: ObjectCache<Snapshot>;
  volumes: ObjectCache<Volume>;
  events: EventRecorder;
  now?: () => Date;
}

export class SnapshotReconciler implements ReconcileAdapter<Snapshot, SnapshotStatus> {
  readonly res = Resources.Snapshot;
  readonly cache: ObjectCache<Snapshot>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: SnapshotReconcilerDeps) {
    this.cache = d.snapshots;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(s: Snapshot, ctx: StepContext<Snapshot>): Promise<StepOutcome<SnapshotStatus>> {
    return { status: computeSnapshotStatus(s, this.d.volumes.get(s.spec.volumeId, s.metadata.namespace), ctx.now) };
  }

  async finalize(): Promise<StepOutcome<SnapshotStatus>> {
    return {};
  }

  transitionEvents(prev: SnapshotStatus | undefined, next: SnapshotStatus): EventSpec[] {
    if (next.status !== 'error' || prev?.status === 'error') return [];
    return [{ type: 'Warning', reason: 'SourceVolumeMissing', note: 'The snapshot\'s volume does not exist' }];
  }
}
