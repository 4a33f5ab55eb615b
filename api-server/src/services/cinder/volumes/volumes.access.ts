// Who sees which volume: an admin every one, anyone else their project's own; another project's
// volume is a 404, as Cinder answers it. A volume given away by a transfer is no one's: the
// taker's copy (same id, in its own namespace) is the volume now.
import type { Snapshot, Volume } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { volumeNotFound } from '../cinder.errors.js';

export function volumeVisible(v: Volume, auth: AuthContext): boolean {
  return auth.isAdmin || v.spec.projectId === auth.projectId;
}

/** Every volume (of one namespace) but those transferred away. */
export function liveVolumes(stores: Stores, namespace?: string): Volume[] {
  return stores.volumes.list(namespace).filter((v) => !v.spec.transferredTo);
}

export function findVolume(stores: Stores, auth: AuthContext, id: string): Volume {
  const v = liveVolumes(stores).find((x) => x.metadata.name === id);
  if (!v || !volumeVisible(v, auth)) throw volumeNotFound(id);
  return v;
}

/** The volumes attached to a server. */
export function volumesOfServer(stores: Stores, namespace: string | undefined, serverId: string): Volume[] {
  return liveVolumes(stores, namespace).filter((v) => (v.spec.attachments ?? []).some((a) => a.serverId === serverId));
}

export function snapshotsOfVolume(stores: Stores, v: Volume): Snapshot[] {
  return stores.snapshots.list(v.metadata.namespace).filter((s) => s.spec.volumeId === v.metadata.name);
}
