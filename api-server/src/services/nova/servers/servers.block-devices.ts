// Boot from volume and volumes at boot: Nova's block_device_mapping_v2, planned before the
// server is made (every reference checked, so a bad mapping is a 400 and nothing is created) and
// realized after (new volumes created already attached, existing ones attached), all undone if a
// step fails (the volumes made deleted with their Cinder quota claims). The boot volume is
// /dev/vda; the others follow from /dev/vdb.
import type { Server, Volume } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { ApiError, badRequest } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { lookupImage } from '../../glance/images/images.access.js';
import { findVolume } from '../../cinder/volumes/volumes.access.js';
import { attachVolume, checkAttachable, detachVolume, newAttachment, type VolumeAttachment } from '../../cinder/volumes/volumes.attachments.js';
import { createVolume } from '../../cinder/volumes/volumes.handlers.js';
import { releaseVolumeQuota, volumeClaimKey } from '../../cinder/quotas/quotas.admission.js';
import { findVolumeType } from '../../cinder/volume-types/volume-types.access.js';
import type { CreateVolumeRequest } from '../../cinder/volumes/volumes.mapper.js';
import type { BlockDeviceMapping, ServerCreateRequest } from './servers.schema.js';

export interface PlannedDevice {
  device: string;
  deleteOnTermination: boolean;
  /** An existing volume to attach, or the request for a new one. */
  existing?: Volume;
  create?: CreateVolumeRequest;
  /** The mapping's device tag (2.32, 2.42), kept on the attachment. */
  tag?: string;
}

const invalid = (why: string): ApiError => badRequest(`Block Device Mapping is Invalid: ${why}`);
const truthy = (v: boolean | string | undefined): boolean => v === true || (typeof v === 'string' && ['true', '1', 'yes'].includes(v.toLowerCase()));
const bootIndexOf = (b: BlockDeviceMapping): number | undefined => (b.boot_index === undefined || b.boot_index === null ? undefined : Number(b.boot_index));

function activeImage(stores: Stores, auth: AuthContext, id: string): void {
  const image = lookupImage(stores.images, auth, id);
  if (!image || image.status?.status !== 'active') throw invalid(`failed to get image ${id}.`);
}

function sizeOf(b: BlockDeviceMapping): number {
  if (b.volume_size === undefined || b.volume_size === null) throw invalid(`Images with destination_type 'volume' need to have a non-zero size specified`);
  return Number(b.volume_size);
}

function attachableVolume(stores: Stores, auth: AuthContext, uuid: string | undefined, serverId: string): Volume {
  if (!uuid) throw invalid('a volume mapping needs a uuid.');
  let volume: Volume;
  try {
    volume = findVolume(stores, auth, uuid);
  } catch {
    throw invalid(`failed to get volume ${uuid}.`);
  }
  checkAttachable(volume, serverId);
  return volume;
}

/** 2.67's volume_type for a volume Nova creates: one the caller may use (Nova's 400 otherwise). */
function volumeTypeOf(stores: Stores, auth: AuthContext, b: BlockDeviceMapping): Pick<CreateVolumeRequest, 'volume_type'> {
  if (!b.volume_type) return {};
  try {
    return { volume_type: findVolumeType(stores, auth, b.volume_type).spec.name };
  } catch {
    throw badRequest(`Volume type ${b.volume_type} could not be found.`);
  }
}

/** What one mapping asks for: a volume to attach or one to create. */
function planOne(stores: Stores, auth: AuthContext, b: BlockDeviceMapping, serverIdPlaceholder: string): Omit<PlannedDevice, 'device' | 'deleteOnTermination'> {
  const uuid = b.uuid ?? b.volume_id ?? b.snapshot_id ?? b.image_id;
  switch (b.source_type) {
    case 'volume':
      return { existing: attachableVolume(stores, auth, uuid, serverIdPlaceholder) };
    case 'image':
      if (!uuid) throw invalid('an image mapping needs a uuid.');
      activeImage(stores, auth, uuid);
      return { create: { size: sizeOf(b), imageRef: uuid, ...volumeTypeOf(stores, auth, b) } };
    case 'snapshot':
      if (!uuid) throw invalid('a snapshot mapping needs a uuid.');
      return { create: { snapshot_id: uuid, ...(b.volume_size ? { size: Number(b.volume_size) } : {}), ...volumeTypeOf(stores, auth, b) } };
    case 'blank':
      return { create: { size: sizeOf(b), ...volumeTypeOf(stores, auth, b) } };
    default:
      throw invalid(`source_type ${String(b.source_type)} is not supported.`);
  }
}

/** The volumes the request's mappings name, checked; empty when it maps none (or only its image). */
export function planBlockDevices(stores: Stores, auth: AuthContext, body: ServerCreateRequest, count: number): PlannedDevice[] {
  const mappings = (body.block_device_mapping_v2 ?? []).filter((b) => (b.destination_type ?? 'volume') === 'volume' && b.source_type !== undefined);
  if (mappings.length && count > 1) throw badRequest('Block device mappings with volumes cannot be used to boot several servers in one request.');
  const local = (body.block_device_mapping_v2 ?? []).filter((b) => b.destination_type === 'local' && !(b.source_type === 'image' && bootIndexOf(b) === 0));
  if (local.length) throw invalid('local block devices other than the image are not supported (use a volume).');
  const ordered = [...mappings].sort((a, b) => (bootIndexOf(a) === 0 ? -1 : bootIndexOf(b) === 0 ? 1 : 0));
  let next = 'b'.charCodeAt(0);
  return ordered.map((b) => {
    const device = bootIndexOf(b) === 0 ? '/dev/vda' : `/dev/vd${String.fromCharCode(next++)}`;
    // Volumes Nova creates from an image or snapshot are its to delete; the user's are kept by default.
    const deleteOnTermination = b.delete_on_termination === undefined ? false : truthy(b.delete_on_termination);
    return { device, deleteOnTermination, ...(b.tag ? { tag: b.tag } : {}), ...planOne(stores, auth, b, '') };
  });
}

/** Whether the mappings give the server its boot disk (so it needs no imageRef). */
export function bootsFromVolume(devices: PlannedDevice[]): boolean {
  return devices.some((d) => d.device === '/dev/vda');
}

/**
 * A volume Nova creates for the server. Cinder refusing it over quota (any 413: volumes,
 * gigabytes or per_volume_gigabytes) is Nova's OverQuota for volumes, which the create answers
 * 403, as Nova's Cinder wrapper translates Cinder's OverLimit.
 */
async function createServerVolume(stores: Stores, auth: AuthContext, server: Server, req: { create: CreateVolumeRequest; attachment: VolumeAttachment }): Promise<Volume> {
  try {
    return await createVolume(stores, auth, req.create, { projectId: server.spec.projectId, attachment: req.attachment });
  } catch (err) {
    if (err instanceof ApiError && err.status === 413) throw new ApiError(403, 'Quota exceeded for resources: volumes');
    throw err;
  }
}

/** Deletes a volume Nova made, and gives its Cinder quota claim back as Cinder's delete does. */
export async function deleteServerVolume(stores: Stores, v: Volume): Promise<void> {
  await stores.volumes.delete(v.metadata.name, v.metadata.namespace);
  await releaseVolumeQuota(stores, v.spec.projectId, [volumeClaimKey(v.metadata.name)]);
}

/** Creates and attaches the planned volumes; on a failure, what was done is undone and the error rethrown. */
export async function realizeBlockDevices(stores: Stores, auth: AuthContext, server: Server, devices: PlannedDevice[]): Promise<void> {
  const created: Volume[] = [];
  const attached: Volume[] = [];
  try {
    for (const d of devices) {
      const request = { serverId: server.metadata.name, device: d.device, deleteOnTermination: d.deleteOnTermination, ...(d.tag ? { tag: d.tag } : {}) };
      if (d.existing) {
        await attachVolume(stores, d.existing, request);
        attached.push(d.existing);
      } else if (d.create) created.push(await createServerVolume(stores, auth, server, { create: d.create, attachment: newAttachment(request) }));
    }
  } catch (err) {
    for (const v of attached) await detachVolume(stores, v, { serverId: server.metadata.name }).catch(() => undefined);
    for (const v of created) await deleteServerVolume(stores, v).catch(() => undefined);
    throw err;
  }
}
