// Attaching and detaching, as both Nova (os-volume_attachments) and Cinder's legacy actions
// (os-attach, os-detach) record them: an entry in the volume's spec.attachments, with Nova's next
// free device name. The operator makes the attachment Pod; the view shows attaching, then in-use.
import { randomUUID } from 'node:crypto';
import type { Volume } from '../../../../../crds/types.generated.js';
import { projectNamespace, volumeClaimName } from '../../../../../crds/naming.js';
import type { Stores } from '../../../deps.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { volumesOfServer } from './volumes.access.js';
import { withTransientStatus } from './volumes.mapper.js';
import { volumeStatus } from './volumes.view.js';

export type VolumeAttachment = NonNullable<Volume['spec']['attachments']>[number];

export interface AttachRequest {
  serverId: string;
  device?: string | null;
  mode?: 'rw' | 'ro';
  deleteOnTermination?: boolean;
  /** Nova's device tag (2.49). */
  tag?: string;
  /** Only the attachments API (3.27) makes reserved or attaching ones. */
  state?: VolumeAttachment['state'];
}

/** /dev/vdb, /dev/vdc...: the first letter after the root disk (vda) no volume of the server holds. */
export function nextDevice(stores: Stores, namespace: string | undefined, serverId: string): string {
  const taken = new Set(volumesOfServer(stores, namespace, serverId).flatMap((v) => (v.spec.attachments ?? []).filter((a) => a.serverId === serverId).map((a) => a.device)));
  for (let c = 'b'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) {
    const device = `/dev/vd${String.fromCharCode(c)}`;
    if (!taken.has(device)) return device;
  }
  throw badRequest(`No free device name left on server ${serverId}.`);
}

/** Cinder's rule: available, or in-use for a multiattach volume, and not twice on one server. */
export function checkAttachable(v: Volume, serverId: string): void {
  const status = volumeStatus(v);
  const attachments = v.spec.attachments ?? [];
  if (attachments.some((a) => a.serverId === serverId)) throw badRequest(`Invalid volume: volume ${v.metadata.name} is already attached to server ${serverId}.`);
  const reserved = status === 'reserved' || status === 'attaching';
  if (status === 'available' || (reserved && attachments.length === 0)) return;
  if (status === 'in-use' && v.spec.multiattach) return;
  throw badRequest(`Invalid volume: volume ${v.metadata.name} status must be 'available'${v.spec.multiattach ? " or 'in-use'" : ''}. Currently in '${status}'.`);
}

/** A new attachment record on `device` (rw unless asked otherwise). */
export function newAttachment(req: AttachRequest & { device: string }): VolumeAttachment {
  return { id: randomUUID(), serverId: req.serverId, device: req.device, mode: req.mode ?? 'rw', attachedAt: new Date().toISOString(), deleteOnTermination: req.deleteOnTermination === true, ...(req.tag ? { tag: req.tag } : {}), ...(req.state ? { state: req.state } : {}) };
}

export async function attachVolume(stores: Stores, v: Volume, req: AttachRequest): Promise<VolumeAttachment> {
  checkAttachable(v, req.serverId);
  const attachment = newAttachment({ ...req, device: req.device || nextDevice(stores, v.metadata.namespace, req.serverId) });
  await stores.volumes.update(v.metadata.name, v.metadata.namespace, (cur) => {
    checkAttachable(cur, req.serverId);
    return { ...cur, spec: { ...withTransientStatus(cur.spec), attachments: [...(cur.spec.attachments ?? []), attachment] } };
  });
  return attachment;
}

/** Removes the attachment matched (by server, or by attachment id); a 404 when there is none. */
export async function detachVolume(stores: Stores, v: Volume, match: { serverId?: string; attachmentId?: string }): Promise<void> {
  const hit = (a: VolumeAttachment): boolean => (match.attachmentId ? a.id === match.attachmentId : a.serverId === match.serverId);
  if (!(v.spec.attachments ?? []).some(hit)) throw notFound(`Volume ${v.metadata.name} is not attached${match.serverId ? ` to server ${match.serverId}` : ''}.`);
  await stores.volumes.update(v.metadata.name, v.metadata.namespace, (cur) => ({
    ...cur,
    spec: { ...withTransientStatus(cur.spec), attachments: (cur.spec.attachments ?? []).filter((a) => !hit(a)) },
  }));
}

/** What a host needs to reach the volume here: the claim to mount, in the project's namespace. */
export function connectionInfo(v: Volume, mode: string): Record<string, unknown> {
  return {
    driver_volume_type: 'kubernetes_pvc',
    data: { volume_id: v.metadata.name, namespace: v.metadata.namespace ?? projectNamespace(v.spec.projectId), claim_name: volumeClaimName(v.metadata.name), access_mode: mode },
  };
}
