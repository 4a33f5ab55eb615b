// Watches for the volume controller: a Volume event enqueues it; a claim or attachment Pod event
// enqueues the volume named by its controller ownerReference; a server's Pod event (placed on a
// node, say) enqueues the volumes attached to that server; a StorageClass event every volume.
import type { Volume } from '../../../../crds/types.generated.js';
import { SERVER_LABEL } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { PersistentVolumeClaim, Pod } from '../../../../crds/kube-types.js';
import { controllerKey, keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { VolumeReconciler } from './volume.reconciler.js';

export const VOLUME_CONTROLLER = 'volume';

const VOLUME_CACHES = ['volumes', 'snapshots', 'persistentVolumeClaims', 'storageClasses', 'pods'] as const;
export type VolumeWatchSources = Pick<Caches, (typeof VOLUME_CACHES)[number]>;

export function watchVolumes(src: VolumeWatchSources, enqueue: (key: string) => void): void {
  const self = (v: Volume): void => enqueue(keyOf(v));
  src.volumes.on({ onUpsert: self, onDelete: self });
  const owner = (o: PersistentVolumeClaim | Pod): void => {
    const key = controllerKey(o, Resources.Volume);
    if (key) enqueue(key);
  };
  src.persistentVolumeClaims.on({ onUpsert: owner, onDelete: owner });
  const serverPod = (p: Pod): void => {
    const server = p.metadata.labels?.[SERVER_LABEL];
    if (!server) return owner(p);
    for (const v of src.volumes.list(p.metadata.namespace)) if ((v.spec.attachments ?? []).some((a) => a.serverId === server)) enqueue(keyOf(v));
  };
  src.pods.on({ onUpsert: serverPod, onDelete: serverPod });
  const everyVolume = (): void => src.volumes.list().forEach(self);
  src.storageClasses.on({ onUpsert: everyVolume, onDelete: everyVolume });
}

export const volumeController = defineController({
  name: VOLUME_CONTROLLER,
  primary: 'volumes',
  informers: VOLUME_CACHES,
  watch: watchVolumes,
  newReconciler: ({ kube, events, caches }) => new VolumeReconciler({ kube, events, ...caches }).reconcile,
});
