// A Volume CR as Cinder shows a volume, with the fields later microversions add (group_id 3.13,
// provider_id for admins 3.21, shared_targets and service_uuid 3.48). The status is the operator's, refined by what the
// API has recorded and the operator may not have seen yet: an attachment just made reads
// `attaching`, one just removed `detaching`, a grown size `extending`, and a status the API
// declared (os-reserve, os-reset_status) reads as declared.
import type { Static } from '@sinclair/typebox';
import type { Volume } from '../../../../../crds/types.generated.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import { at } from '../cinder.microversion.js';
import type { volume } from './volumes.schema.js';

export type VolumeView = Static<typeof volume>;

/** Attachments the attachments API made and has not completed: reserved, or attaching with a connector. */
function pendingStatus(v: Volume): string | undefined {
  const all = v.spec.attachments ?? [];
  if (all.length && all.every((a) => a.state === 'reserved')) return 'reserved';
  if (all.some((a) => a.state === 'attaching')) return 'attaching';
  // os-complete says in-use, whatever the Pods are doing (the Attached condition tells that).
  if (all.length && all.every((a) => a.state === 'attached' || a.state === 'reserved')) return 'in-use';
  return undefined;
}

/** What the API recorded about attachments and the operator may not have acted on yet. */
function attachmentStatus(v: Volume, observed: string): string | undefined {
  const pending = observed !== 'error' ? pendingStatus(v) : undefined;
  if (pending) return pending;
  const attached = (v.spec.attachments ?? []).length > 0;
  if (attached && observed !== 'in-use' && observed !== 'error') return 'attaching';
  if (!attached && (observed === 'in-use' || observed === 'attaching')) return 'detaching';
  return undefined;
}

export function volumeStatus(v: Volume): string {
  if (v.spec.transientStatus) return v.spec.transientStatus;
  const observed = v.status?.status ?? 'creating';
  const growing = (observed === 'available' || observed === 'in-use') && (v.status?.size ?? v.spec.size) < v.spec.size;
  return attachmentStatus(v, observed) ?? (growing ? 'extending' : observed);
}

function links(base: string, v: Volume): VolumeView['links'] {
  return [
    { rel: 'self', href: `${base}/volume/v3/${v.spec.projectId}/volumes/${v.metadata.name}` },
    { rel: 'bookmark', href: `${base}/volume/${v.spec.projectId}/volumes/${v.metadata.name}` },
  ];
}

function attachmentsView(v: Volume): VolumeView['attachments'] {
  const nodes = new Map((v.status?.attachments ?? []).map((a) => [a.id, a.node ?? null]));
  // Cinder lists only completed attachments (attach_status attached) on the volume.
  return (v.spec.attachments ?? []).filter((a) => !a.state || a.state === 'attached').map((a) => ({
    id: v.metadata.name,
    attachment_id: a.id,
    volume_id: v.metadata.name,
    server_id: a.serverId,
    host_name: nodes.get(a.id) ?? null,
    device: a.device,
    attached_at: isoMicrosNoZone(a.attachedAt),
  }));
}

/** Cinder shows the readonly admin flag among the metadata once it has been set. */
function metadataView(v: Volume): Record<string, string> {
  const md = { ...(v.spec.metadata ?? {}) };
  if (v.spec.readOnly !== undefined) md.readonly = v.spec.readOnly ? 'True' : 'False';
  return md;
}

/** Who asks, and at which microversion: the fields shown depend on both. */
export interface ViewContext {
  baseUrl: string;
  microversion?: string;
  isAdmin?: boolean;
}

export function viewContext(ctx: { baseUrl: string; microversion?: string; auth: { isAdmin: boolean } }): ViewContext {
  return { baseUrl: ctx.baseUrl, microversion: ctx.microversion, isAdmin: ctx.auth.isAdmin };
}

/**
 * One volume service serves every volume, and no backend target is shared between volumes, so
 * service_uuid is one fixed id and shared_targets is false.
 */
export const VOLUME_SERVICE_UUID = '8d5bd5a4-3c84-5e2f-9a8c-6f0e5b7a1c01';

function versionedFields(ctx: ViewContext): Partial<VolumeView> {
  const mv = ctx.microversion;
  return {
    ...(at(mv, 'GROUP_VOLUME') ? { group_id: null } : {}),
    ...(at(mv, 'VOLUME_DETAIL_PROVIDER_ID') && ctx.isAdmin ? { provider_id: null } : {}),
    ...(at(mv, 'VOLUME_SHARED_TARGETS_AND_SERVICE_FIELDS') ? { shared_targets: false, service_uuid: VOLUME_SERVICE_UUID } : {}),
  };
}

export function volumeView(v: Volume, ctx: ViewContext): VolumeView {
  const base = ctx.baseUrl;
  const created = isoMicrosNoZone(v.metadata.creationTimestamp ?? new Date());
  return {
    id: v.metadata.name,
    name: v.spec.name ?? null,
    description: v.spec.description ?? null,
    size: v.spec.size,
    status: volumeStatus(v),
    availability_zone: v.spec.availabilityZone,
    created_at: created,
    updated_at: v.spec.updatedAt ? isoMicrosNoZone(v.spec.updatedAt) : created,
    user_id: v.spec.userId,
    'os-vol-tenant-attr:tenant_id': v.spec.projectId,
    volume_type: v.spec.volumeTypeName,
    snapshot_id: v.spec.snapshotId ?? null,
    source_volid: v.spec.sourceVolid ?? null,
    metadata: metadataView(v),
    bootable: v.spec.bootable ? 'true' : 'false',
    encrypted: false,
    multiattach: v.spec.multiattach === true,
    replication_status: null,
    consistencygroup_id: null,
    migration_status: null,
    attachments: attachmentsView(v),
    links: links(base, v),
    ...versionedFields(ctx),
    ...(v.spec.imageMetadata ? { volume_image_metadata: { ...v.spec.imageMetadata } } : {}),
  };
}

/** The answer to create and update: Cinder's base view, without its extensions' attributes. */
export function volumeBaseView(v: Volume, ctx: ViewContext): VolumeView {
  const { 'os-vol-tenant-attr:tenant_id': _tenant, volume_image_metadata: _image, ...core } = volumeView(v, ctx) as VolumeView & { volume_image_metadata?: unknown };
  return core;
}

export function volumeSummaryView(v: Volume, base: string): Pick<VolumeView, 'id' | 'name' | 'links'> {
  return { id: v.metadata.name, name: v.spec.name ?? null, links: links(base, v) };
}
