// Pure builders for what a Snapshot becomes where the cluster can snapshot its volume's claim: a
// CSI VolumeSnapshot of that claim, of the VolumeSnapshotClass whose driver provisions the claim's
// StorageClass (the class marked default for that driver first, as the snapshotter picks one).
import type { Snapshot } from '../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, volumeClaimName, volumeSnapshotName } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import type { VolumeSnapshot, VolumeSnapshotClass } from '../../../../crds/kube-types.js';
import { controllerReference } from '../../runtime/objects.js';

export const DEFAULT_SNAPSHOT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';

/** The class to snapshot a claim provisioned by `driver` with; undefined when the cluster has none. */
export function snapshotClassFor(classes: VolumeSnapshotClass[], driver: string | undefined): VolumeSnapshotClass | undefined {
  const mine = classes.filter((c) => c.driver === driver).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return mine.find((c) => c.metadata.annotations?.[DEFAULT_SNAPSHOT_CLASS_ANNOTATION] === 'true') ?? mine[0];
}

export function desiredVolumeSnapshot(s: Snapshot, className: string): VolumeSnapshot {
  return {
    ...typeMeta(Resources.VolumeSnapshot),
    metadata: {
      name: volumeSnapshotName(s.metadata.name),
      namespace: s.metadata.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: s.spec.projectId },
      ownerReferences: [controllerReference(Resources.Snapshot, s)],
    },
    spec: { volumeSnapshotClassName: className, source: { persistentVolumeClaimName: volumeClaimName(s.spec.volumeId) } },
  };
}
