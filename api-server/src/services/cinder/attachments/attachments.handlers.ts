// Cinder's attachments API (3.27), as a host's agent drives it: create reserves the volume (with a
// connector it is attaching at once), update gives the connector, os-complete (3.44) marks it
// attached and the volume in-use, delete removes it and answers the volume's remaining ones. The
// record is the same spec.attachments entry Nova's attach makes; the operator mounts the claim in
// an attachment Pod once a connector has been given.
import type { Static } from '@sinclair/typebox';
import type { Volume } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import { runListQuery } from '../../../common/list-query.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { invalidVolume, pathProject } from '../cinder.errors.js';
import { checkResourceFilters } from '../cinder.filters.js';
import { at } from '../cinder.microversion.js';
import { findVolume } from '../volumes/volumes.access.js';
import { attachVolume, detachVolume } from '../volumes/volumes.attachments.js';
import { volumeStatus } from '../volumes/volumes.view.js';
import { attachmentListSpec, attachmentNotFound, attachmentRows, findAttachment, visibleAttachments } from './attachments.access.js';
import type { createAttachmentBody, listAttachmentsQuery, updateAttachmentBody } from './attachments.schema.js';
import { attachmentDetailView, attachmentSummaryView, type Attached, type VolumeAttachmentRecord } from './attachments.view.js';

type Mode = 'rw' | 'ro';
const modeOf = (connector: Record<string, unknown> | null | undefined): Mode | undefined => (connector?.mode === 'ro' || connector?.mode === 'rw' ? connector.mode : undefined);

/** Changes one attachment of the live volume; a 404 when it went meanwhile. */
async function changeAttachment(stores: Stores, found: Attached, change: (a: VolumeAttachmentRecord) => VolumeAttachmentRecord): Promise<Attached> {
  const id = found.attachment.id;
  const updated = await stores.volumes.update(found.volume.metadata.name, found.volume.metadata.namespace, (cur) => {
    if (!(cur.spec.attachments ?? []).some((a) => a.id === id)) throw attachmentNotFound(id);
    return { ...cur, spec: { ...cur.spec, attachments: (cur.spec.attachments ?? []).map((a) => (a.id === id ? change(a) : a)), updatedAt: new Date().toISOString() } };
  });
  const attachment = updated?.spec.attachments?.find((a) => a.id === id);
  if (!updated || !attachment) throw attachmentNotFound(id);
  return { volume: updated, attachment };
}

export function createAttachmentHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createAttachmentBody>, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const req = ctx.body.attachment;
    if (req.mode && !at(ctx.microversion, 'ATTACHMENT_CREATE_MODE_ARG')) throw badRequest("Invalid input for field/attribute attachment. Additional properties are not allowed ('mode' was unexpected)");
    const volume: Volume = findVolume(stores, ctx.auth, req.volume_uuid);
    if (volumeStatus(volume).includes('error')) throw invalidVolume(`Volume ${volume.metadata.name} status must not be error to attach, but current status is: ${volumeStatus(volume)}.`);
    const mode = req.mode ?? modeOf(req.connector) ?? (volume.spec.readOnly ? 'ro' : 'rw');
    const attachment = await attachVolume(stores, volume, { serverId: req.instance_uuid ?? '', mode, state: req.connector ? 'attaching' : 'reserved' });
    return { body: { attachment: attachmentDetailView({ volume, attachment }) } };
  };
}

export function updateAttachmentHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateAttachmentBody>, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const found = findAttachment(stores, ctx.auth, ctx.params.attachmentId);
    const mode = modeOf(ctx.body.attachment.connector);
    const updated = await changeAttachment(stores, found, (a) => ({ ...a, ...(a.state === 'reserved' ? { state: 'attaching' as const } : {}), ...(mode ? { mode } : {}) }));
    return { body: { attachment: attachmentDetailView(updated) } };
  };
}

export function completeAttachmentHandler(stores: Stores) {
  return async (ctx: RouteContext<unknown, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const found = findAttachment(stores, ctx.auth, ctx.params.attachmentId);
    await changeAttachment(stores, found, (a) => ({ ...a, state: 'attached' }));
    return { status: 204 };
  };
}

export function deleteAttachmentHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const found = findAttachment(stores, ctx.auth, ctx.params.attachmentId);
    await detachVolume(stores, found.volume, { attachmentId: found.attachment.id });
    const left = (found.volume.spec.attachments ?? []).filter((a) => a.id !== found.attachment.id);
    return { body: { attachments: left.map((attachment) => attachmentSummaryView({ volume: found.volume, attachment })) } };
  };
}

export function showAttachmentHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    return { body: { attachment: attachmentDetailView(findAttachment(stores, ctx.auth, ctx.params.attachmentId)) } };
  };
}

export function listAttachmentsHandler(stores: Stores, detail: boolean) {
  return async (ctx: RouteContext<undefined, Static<typeof listAttachmentsQuery>>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    checkResourceFilters(ctx, 'attachment');
    const page = runListQuery(attachmentListSpec, attachmentRows(visibleAttachments(stores, ctx.auth)), ctx.query, ctx.auth);
    return { body: { attachments: page.items.map(detail ? attachmentDetailView : attachmentSummaryView) } };
  };
}
