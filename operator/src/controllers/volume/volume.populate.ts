// What a new volume's claim is populated from, where the cluster can do it: a volume made from a
// snapshot realized as a CSI VolumeSnapshot restores it (dataSource VolumeSnapshot); a clone of a
// volume of the same StorageClass, whose provisioner is a CSI driver (a CSIDriver object exists),
// clones its claim (dataSource PersistentVolumeClaim). Anything else starts empty, and the
// volume's Populated condition says so. Images are never copied into claims.
import type { Snapshot, Volume } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { volumeClaimName } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { CSIDriverObject, PersistentVolumeClaim, StorageClass, TypedLocalObjectReference } from '../../../../crds/kube-types.js';
import type { ObjectCache } from '../../runtime/objects.js';

export interface PopulateDeps {
  kube: KubeClient;
  snapshots: ObjectCache<Snapshot>;
  persistentVolumeClaims: ObjectCache<PersistentVolumeClaim>;
}

export const SNAPSHOT_API_GROUP = 'snapshot.storage.k8s.io';

export async function claimDataSource(d: PopulateDeps, v: Volume, storageClass: StorageClass | undefined): Promise<TypedLocalObjectReference | undefined> {
  const ns = v.metadata.namespace;
  if (v.spec.snapshotId) {
    const snap = d.snapshots.get(v.spec.snapshotId, ns);
    const name = snap?.status?.status === 'available' ? snap.status.volumeSnapshotName : undefined;
    return name ? { apiGroup: SNAPSHOT_API_GROUP, kind: 'VolumeSnapshot', name } : undefined;
  }
  if (v.spec.sourceVolid && storageClass) {
    const source = d.persistentVolumeClaims.get(volumeClaimName(v.spec.sourceVolid), ns);
    if (source?.spec.storageClassName !== storageClass.metadata.name) return undefined;
    const driver = await d.kube.get<CSIDriverObject>(Resources.CSIDriver, storageClass.provisioner);
    return driver ? { kind: 'PersistentVolumeClaim', name: source.metadata.name } : undefined;
  }
  return undefined;
}
