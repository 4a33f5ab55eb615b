// os-volume_upload_image: a Glance image made from a volume, owned by the volume's project, with
// the volume's image metadata as its properties. A volume's bytes are not readable from the API
// server (they live in a claim on some node), so the image is active with no data (0 bytes) and
// says so in the property `openstack_sim_data`; the volume stays available throughout.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Static } from '@sinclair/typebox';
import type { Image, Volume } from '../../../../../crds/types.generated.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { badRequest, forbidden } from '../../../common/errors.js';
import type { AuthContext, RouteResult } from '../../../common/route.js';
import { ingestImageData } from '../../glance/image-data/image-data.handlers.js';
import type { ImageDataStore } from '../../glance/image-data/image-data.store.js';
import { invalidVolume } from '../cinder.errors.js';
import { at } from '../cinder.microversion.js';
import { volumeStatus } from '../volumes/volumes.view.js';
import type { volumeActionBody } from './volume-actions.schema.js';

type UploadRequest = NonNullable<Static<typeof volumeActionBody>['os-volume_upload_image']>;

/** volume_image_metadata keys that are Glance's own attributes, not properties. */
const CORE_IMAGE_KEYS = new Set(['image_id', 'image_name', 'checksum', 'container_format', 'disk_format', 'min_disk', 'min_ram', 'size']);
const NO_DATA = 'not copied: a volume\'s bytes are not readable by the API server';

function imageFor(v: Volume, req: UploadRequest, auth: AuthContext): Image {
  const visibility = (req.visibility ?? 'private') as Image['spec']['visibility'];
  if (visibility === 'public' && !auth.isAdmin) throw forbidden('You are not authorized to complete publicize_image action.');
  const properties = Object.fromEntries(Object.entries(v.spec.imageMetadata ?? {}).filter(([k]) => !CORE_IMAGE_KEYS.has(k)));
  return {
    ...typeMeta(Resources.Image),
    metadata: { name: randomUUID() },
    spec: {
      name: req.image_name, owner: v.spec.projectId, visibility, protected: req.protected === true, osHidden: false,
      diskFormat: (req.disk_format ?? 'raw') as Image['spec']['diskFormat'], containerFormat: (req.container_format ?? 'bare') as Image['spec']['containerFormat'],
      minDiskGiB: v.spec.size, minRamMiB: 0, tags: [], properties: { ...properties, openstack_sim_data: NO_DATA }, updatedAt: new Date().toISOString(),
    },
  };
}

/** visibility and protected are read (and answered) from 3.1; before, Cinder's schema refuses them. */
function checkUploadVersion(req: UploadRequest, mv: string | undefined): void {
  const later = ['visibility', 'protected'].filter((k) => k in req);
  if (!at(mv, 'UPLOAD_IMAGE_PARAMS') && later.length) throw badRequest(`Invalid input for field/attribute os-volume_upload_image. Additional properties are not allowed (${later.map((k) => `'${k}'`).join(', ')} unexpected)`);
}

export async function uploadVolumeToImage(deps: { stores: Stores; data: ImageDataStore }, v: Volume, req: UploadRequest, caller: { auth: AuthContext; microversion?: string }): Promise<RouteResult> {
  const { auth, microversion } = caller;
  checkUploadVersion(req, microversion);
  const status = volumeStatus(v);
  const force = req.force === true || req.force === 'True' || req.force === 'true';
  if (status !== 'available' && !(force && status === 'in-use')) throw invalidVolume(`Volume status must be available${force ? ' or in-use' : ''} to upload to an image, but current status is: ${status}.`);
  const image = await deps.stores.images.create(imageFor(v, req, auth));
  try {
    await ingestImageData(deps, image.metadata.name, Readable.from([]));
  } catch (err) {
    await deps.stores.images.delete(image.metadata.name).catch(() => undefined);
    throw err;
  }
  return {
    body: {
      'os-volume_upload_image': {
        id: v.metadata.name, updated_at: v.spec.updatedAt ?? null, status: 'uploading', display_description: v.spec.description ?? null, size: v.spec.size,
        volume_type: { id: v.spec.volumeTypeId, name: v.spec.volumeTypeName }, image_id: image.metadata.name, container_format: image.spec.containerFormat,
        disk_format: image.spec.diskFormat, image_name: req.image_name,
        ...(at(microversion, 'UPLOAD_IMAGE_PARAMS') ? { visibility: image.spec.visibility, protected: image.spec.protected === true } : {}),
      },
    },
  };
}
