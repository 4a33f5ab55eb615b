// A server's volumes, as Nova sees them: the ids it shows in os-extended-volumes:volumes_attached,
// and what its delete does to them (detach each; delete those attached with delete_on_termination).
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { volumesOfServer } from '../../cinder/volumes/volumes.access.js';
import { detachVolume } from '../../cinder/volumes/volumes.attachments.js';
import { deleteServerVolume } from '../servers/servers.block-devices.js';

export function attachedVolumeIds(stores: Stores, s: Server): string[] {
  return attachedVolumes(stores, s).map((v) => v.id);
}

/** The server's volumes by id, with whether its delete deletes them (2.3 shows it). */
export function attachedVolumes(stores: Stores, s: Server): { id: string; deleteOnTermination: boolean }[] {
  return volumesOfServer(stores, s.metadata.namespace, s.metadata.name)
    .map((v) => ({ id: v.metadata.name, deleteOnTermination: (v.spec.attachments ?? []).find((a) => a.serverId === s.metadata.name)?.deleteOnTermination ?? false }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function releaseServerVolumes(stores: Stores, s: Server): Promise<void> {
  for (const v of volumesOfServer(stores, s.metadata.namespace, s.metadata.name)) {
    const mine = (v.spec.attachments ?? []).find((a) => a.serverId === s.metadata.name);
    await detachVolume(stores, v, { serverId: s.metadata.name });
    // Deleted here, not through Cinder's API: its quota claim goes with it all the same.
    if (mine?.deleteOnTermination && (v.spec.attachments ?? []).length === 1) await deleteServerVolume(stores, v);
  }
}
