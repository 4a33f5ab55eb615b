// Watches for the snapshot controller: a Snapshot event enqueues it; a Volume event enqueues the
// snapshots of that volume. VolumeSnapshots are not watched (their CRDs may not exist): the
// reconciler polls one until it is ready.
import type { Snapshot, Volume } from '../../../../crds/types.generated.js';
import { keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { SnapshotReconciler } from './snapshot.reconciler.js';

const SNAPSHOT_CACHES = ['snapshots', 'volumes', 'persistentVolumeClaims', 'storageClasses'] as const;

export function watchSnapshots(src: Pick<Caches, (typeof SNAPSHOT_CACHES)[number]>, enqueue: (key: string) => void): void {
  const self = (s: Snapshot): void => enqueue(keyOf(s));
  src.snapshots.on({ onUpsert: self, onDelete: self });
  const ofVolume = (v: Volume): void => {
    for (const s of src.snapshots.list(v.metadata.namespace)) if (s.spec.volumeId === v.metadata.name) enqueue(keyOf(s));
  };
  src.volumes.on({ onUpsert: ofVolume, onDelete: ofVolume });
}

export const snapshotController = defineController({
  name: 'snapshot',
  primary: 'snapshots',
  informers: SNAPSHOT_CACHES,
  watch: watchSnapshots,
  newReconciler: ({ kube, events, caches }) => new SnapshotReconciler({ kube, events, ...caches }).reconcile,
});
