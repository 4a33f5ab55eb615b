// Who sees which volume: an admin every one, anyone else their project's own; another project's
// volume is a 404, as Cinder answers it.
import type { Volume } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { volumeNotFound } from '../cinder.errors.js';

export function volumeVisible(v: Volume, auth: AuthContext): boolean {
  return auth.isAdmin || v.spec.projectId === auth.projectId;
}

export function findVolume(stores: Stores, auth: AuthContext, id: string): Volume {
  const v = stores.volumes.list().find((x) => x.metadata.name === id);
  if (!v || !volumeVisible(v, auth)) throw volumeNotFound(id);
  return v;
}

/** The volumes attached to a server. */
export function volumesOfServer(stores: Stores, namespace: string | undefined, serverId: string): Volume[] {
  return stores.volumes.list(namespace).filter((v) => (v.spec.attachments ?? []).some((a) => a.serverId === serverId));
}
