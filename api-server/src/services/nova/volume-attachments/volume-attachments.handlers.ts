// os-volume_attachments: list, show, attach and detach a server's volumes at 2.1. Nova asks
// Cinder with the caller's token, so Cinder's rules decide: another project's volume is a 404,
// a volume that is not available (or in-use and multiattach) a 400. Nova allows it only while the
// server runs, is stopped, paused or suspended (from 2.20 also shelved): otherwise 409.
import { checkUnlocked } from '../server-actions/server-actions.lock.js';
import type { Static } from '@sinclair/typebox';
import type { Server, Volume } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findVolume, volumesOfServer } from '../../cinder/volumes/volumes.access.js';
import { attachVolume, detachVolume, type VolumeAttachment } from '../../cinder/volumes/volumes.attachments.js';
import { findServer } from '../servers/servers.handlers.js';
import { at, refuseKeysOutsideVersion } from '../microversion.js';
import { checkMultiattach } from './volume-attachments.versions.js';
import { ATTACH_KEYS, type attachVolumeBody, type volumeAttachment } from './volume-attachments.schema.js';

type ItemContext = RouteContext<undefined, object>;
const ATTACHABLE = new Set(['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED']);
/** From 2.20 a shelved (here always offloaded) server's volumes change too: they follow it when it is unshelved. */
const ATTACHABLE_SHELVED = new Set([...ATTACHABLE, 'SHELVED', 'SHELVED_OFFLOADED']);

/** At 2.1 the attachment's id is the volume's id; 2.70 adds its device tag, 2.79 whether the server's delete deletes the volume. */
function attachmentView(v: Volume, a: VolumeAttachment, mv: string | undefined): Static<typeof volumeAttachment> {
  return {
    id: v.metadata.name,
    volumeId: v.metadata.name,
    serverId: a.serverId,
    device: a.device,
    ...(at(mv, 'ATTACHMENT_TAGS_SHOWN') ? { tag: a.tag ?? null } : {}),
    ...(at(mv, 'ATTACH_DELETE_ON_TERMINATION') ? { delete_on_termination: a.deleteOnTermination ?? false } : {}),
  };
}

function checkState(server: Server, action: string, mv: string | undefined): void {
  const allowed = at(mv, 'SHELVED_VOLUME_ATTACH') ? ATTACHABLE_SHELVED : ATTACHABLE;
  if (!allowed.has(server.status?.status ?? 'BUILD')) throw conflict(`Cannot '${action}' instance ${server.metadata.name} while it is in vm_state ${server.status?.vmState ?? 'building'}`);
}

function attachmentOf(stores: Stores, server: Server, volumeId: string): { volume: Volume; attachment: VolumeAttachment } {
  const volume = volumesOfServer(stores, server.metadata.namespace, server.metadata.name).find((v) => v.metadata.name === volumeId);
  const attachment = volume?.spec.attachments?.find((a) => a.serverId === server.metadata.name);
  if (!volume || !attachment) throw notFound(`Volume ${volumeId} is not attached to the instance ${server.metadata.name}`);
  return { volume, attachment };
}

export function listVolumeAttachmentsHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const volumes = volumesOfServer(stores, server.metadata.namespace, server.metadata.name).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const views = volumes.flatMap((v) => (v.spec.attachments ?? []).filter((a) => a.serverId === server.metadata.name).map((a) => attachmentView(v, a, ctx.microversion)));
    return { body: { volumeAttachments: views } };
  };
}

export function showVolumeAttachmentHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const { volume, attachment } = attachmentOf(stores, server, ctx.params.volumeId);
    return { body: { volumeAttachment: attachmentView(volume, attachment, ctx.microversion) } };
  };
}

export function attachVolumeHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof attachVolumeBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.volumeAttachment;
    refuseKeysOutsideVersion('volumeAttachment', req, ctx.microversion, ATTACH_KEYS);
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    checkUnlocked(server, ctx.auth);
    checkState(server, 'attach_volume', ctx.microversion);
    if (req.tag && server.status?.status === 'SHELVED_OFFLOADED') throw badRequest('Tagged volume attachment is not supported for shelved-offloaded instances.');
    const volume = findVolume(stores, ctx.auth, req.volumeId);
    checkMultiattach([volume], ctx.microversion);
    if (volume.metadata.namespace !== server.metadata.namespace) throw badRequest(`Invalid volume: volume ${volume.metadata.name} belongs to another project than the server.`);
    const attachment = await attachVolume(stores, volume, { serverId: server.metadata.name, device: req.device, deleteOnTermination: req.delete_on_termination === true, ...(req.tag ? { tag: req.tag } : {}) });
    return { body: { volumeAttachment: attachmentView(volume, attachment, ctx.microversion) } };
  };
}

export function detachVolumeHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    checkUnlocked(server, ctx.auth);
    checkState(server, 'detach_volume', ctx.microversion);
    const { volume } = attachmentOf(stores, server, ctx.params.volumeId);
    await detachVolume(stores, volume, { serverId: server.metadata.name });
    return {};
  };
}
