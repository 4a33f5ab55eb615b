// What a new volume is made from (Cinder's volume create flow): a snapshot, another volume, an
// image, or nothing. Each source must exist for the caller (404, or Cinder's 400 for an image),
// be in a usable state, and fit in the size asked for; the size defaults to the source's.
import type { Image, Volume } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { lookupImage } from '../../glance/images/images.access.js';
import { invalidVolume } from '../cinder.errors.js';
import { findSnapshot } from '../snapshots/snapshots.access.js';
import { snapshotStatus } from '../snapshots/snapshots.view.js';
import { findVolume, liveVolumes } from './volumes.access.js';
import type { CreateVolumeRequest, VolumeSource } from './volumes.mapper.js';
import { volumeStatus } from './volumes.view.js';

const GIB = 1024 ** 3;

export interface ResolvedSource extends VolumeSource {
  /** The size the source needs, in GiB (the default when none is asked for). */
  minSize?: number;
  /** The volume type the source implies (a snapshot's or source volume's). */
  typeId?: string;
}

function fromSnapshot(stores: Stores, auth: AuthContext, id: string): ResolvedSource {
  const snap = findSnapshot(stores, auth, id);
  if (snapshotStatus(snap) !== 'available') throw badRequest(`Invalid snapshot: Originating snapshot status must be one of 'available' values`);
  const vol = liveVolumes(stores, snap.metadata.namespace).find((v) => v.metadata.name === snap.spec.volumeId);
  return { snapshotId: id, minSize: snap.spec.size, typeId: vol?.spec.volumeTypeId, bootable: vol?.spec.bootable };
}

function fromVolume(stores: Stores, auth: AuthContext, id: string): ResolvedSource {
  const src: Volume = findVolume(stores, auth, id);
  if (!['available', 'in-use'].includes(volumeStatus(src))) throw invalidVolume('Source volume must be in available or in-use state.');
  return { sourceVolid: id, minSize: src.spec.size, typeId: src.spec.volumeTypeId, bootable: src.spec.bootable, ...(src.spec.imageId ? { imageId: src.spec.imageId, imageMetadata: src.spec.imageMetadata } : {}) };
}

/** Cinder's volume_image_metadata: the image's core attributes and its properties, as strings. */
function imageMetadata(image: Image): Record<string, string> {
  const core: Record<string, string | number | null | undefined> = {
    image_id: image.metadata.name,
    image_name: image.spec.name,
    checksum: image.status?.checksum,
    container_format: image.spec.containerFormat,
    disk_format: image.spec.diskFormat,
    min_disk: image.spec.minDiskGiB ?? 0,
    min_ram: image.spec.minRamMiB ?? 0,
    size: image.status?.size,
  };
  const out: Record<string, string> = { ...(image.spec.properties ?? {}) };
  for (const [k, v] of Object.entries(core)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

function fromImage(stores: Stores, auth: AuthContext, id: string, size: number | undefined): ResolvedSource {
  const image = lookupImage(stores.images, auth, id);
  if (!image) throw badRequest(`Invalid image identifier or unable to access requested image.`);
  if (image.status?.status !== 'active') throw badRequest(`Invalid input received: Image ${id} is not active.`);
  const bytes = image.status?.size ?? 0;
  if (size !== undefined && bytes > size * GIB) throw badRequest(`Invalid input received: Size of specified image ${Math.ceil(bytes / GIB)}GB is larger than volume size ${size}GB.`);
  const minDisk = image.spec.minDiskGiB ?? 0;
  if (size !== undefined && size < minDisk) throw badRequest(`Invalid input received: Volume size ${size}GB cannot be smaller than the image minDisk size ${minDisk}GB.`);
  return { imageId: id, imageMetadata: imageMetadata(image), bootable: true, minSize: Math.max(minDisk, Math.ceil(bytes / GIB), 1) };
}

export function resolveSource(stores: Stores, auth: AuthContext, req: CreateVolumeRequest, size: number | undefined): ResolvedSource {
  const given = [req.snapshot_id, req.source_volid, req.imageRef ?? req.image_id, req.backup_id].filter((x) => x !== undefined && x !== null);
  if (given.length > 1) throw badRequest('Invalid input received: only one of snapshot_id, source_volid, imageRef and backup_id may be given.');
  if (req.backup_id) throw badRequest('Invalid input received: volume backups are not supported by this cloud.');
  if (req.snapshot_id) return fromSnapshot(stores, auth, req.snapshot_id);
  if (req.source_volid) return fromVolume(stores, auth, req.source_volid);
  const image = req.imageRef ?? req.image_id;
  return image ? fromImage(stores, auth, image, size) : {};
}

/** The size to create: the one asked for, else the source's; never smaller than the source. */
export function volumeSizeFor(size: number | undefined, source: ResolvedSource): number {
  if (size === undefined) {
    if (source.minSize === undefined || source.imageId && !source.snapshotId && !source.sourceVolid) throw badRequest('Invalid input received: size is required when the volume is not created from a snapshot or another volume.');
    return source.minSize;
  }
  if (source.minSize !== undefined && size < source.minSize && (source.snapshotId || source.sourceVolid)) {
    throw invalidVolume(`Volume size ${size}GB cannot be smaller than the ${source.snapshotId ? 'snapshot' : 'original volume'} size ${source.minSize}GB. They must be >= original size.`);
  }
  return size;
}
