// createImage, and the image shelve keeps: a Glance snapshot image of the server, owned by its
// project, with Nova's snapshot properties (image_type snapshot, instance_uuid, base_image_ref,
// user_id) and its base image's formats, minimums and container image, so a server booted from
// the snapshot runs what the server ran. A guest's disk is not readable from the API server (the
// Pod's filesystem lives on some node), so the image is active with no data (0 bytes) and says so
// in `openstack_sim_data`, as Cinder's volume-to-image does.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Image, Server } from '../../../../../crds/types.generated.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext, RouteResult } from '../../../common/route.js';
import { ingestImageData } from '../../glance/image-data/image-data.handlers.js';
import type { ImageDataStore } from '../../glance/image-data/image-data.store.js';
import { checkInstanceState } from './server-actions.power.js';
import { checkUnlocked } from './server-actions.lock.js';
import { at } from '../microversion.js';
import type { CreateImageBody } from './server-actions.schema.js';

export interface ImageDeps {
  stores: Stores;
  data: ImageDataStore;
}

const NO_DATA = 'not copied: a server\'s disk is not readable by the API server';
/** Nova snapshots servers in these vm_states (and no task in progress). */
const SNAPSHOT_FROM = new Set(['active', 'stopped', 'paused', 'suspended']);

/** What the snapshot inherits of the server's image: its formats, minimums and container image. */
function inherited(base: Image | undefined): Pick<Image['spec'], 'diskFormat' | 'containerFormat' | 'minDiskGiB' | 'minRamMiB' | 'containerImage'> {
  if (!base) return { diskFormat: 'raw', containerFormat: 'bare', minDiskGiB: 0, minRamMiB: 0 };
  const { diskFormat, containerFormat, minDiskGiB, minRamMiB, containerImage } = base.spec;
  return { diskFormat, containerFormat, minDiskGiB, minRamMiB, ...(containerImage ? { containerImage } : {}) };
}

function snapshotImage(server: Server, base: Image | undefined, req: CreateImageBody, auth: AuthContext): Image {
  const snapshot = { image_type: 'snapshot', instance_uuid: server.metadata.name, base_image_ref: server.spec.imageRef ?? '', user_id: auth.userId, openstack_sim_data: NO_DATA };
  return {
    ...typeMeta(Resources.Image),
    metadata: { name: randomUUID() },
    spec: {
      name: req.name, owner: server.spec.projectId, visibility: 'private', protected: false, osHidden: false, tags: [],
      // The request's metadata comes last: Nova lets it override even image_type.
      properties: { ...(base?.spec.properties ?? {}), ...snapshot, ...(req.metadata ?? {}) },
      ...inherited(base),
      updatedAt: new Date().toISOString(),
    },
  };
}

/** Makes the server's snapshot image, active with no data; a failure leaves no image behind. */
export async function createServerImage(deps: ImageDeps, server: Server, req: CreateImageBody, auth: AuthContext): Promise<Image> {
  const base = server.spec.imageRef ? deps.stores.images.get(server.spec.imageRef) : undefined;
  const image = await deps.stores.images.create(snapshotImage(server, base, req, auth));
  try {
    await ingestImageData(deps, image.metadata.name, Readable.from([]));
  } catch (err) {
    await deps.stores.images.delete(image.metadata.name).catch(() => undefined);
    throw err;
  }
  return image;
}

/** createImage: 202 with no body and the image's Glance URL as Location, from 2.45 the image's id as the body and no Location. */
export async function createImageAction(deps: ImageDeps, caller: { auth: AuthContext; baseUrl: string; microversion?: string }, server: Server, req: CreateImageBody): Promise<RouteResult> {
  // Nothing of the server changes, so the checks need no guarded write.
  checkUnlocked(server, caller.auth);
  checkInstanceState(server, 'createImage', SNAPSHOT_FROM);
  return imageMadeAnswer(caller, await createServerImage(deps, server, req, caller.auth));
}

/** 202 naming the image made: its Glance URL as Location, or from 2.45 its id as the body (createImage's and createBackup's answer). */
export function imageMadeAnswer(caller: { baseUrl: string; microversion?: string }, image: Image): RouteResult {
  if (at(caller.microversion, 'IMAGE_ID_IN_BODY')) return { status: 202, body: { image_id: image.metadata.name } };
  return { status: 202, headers: { Location: `${caller.baseUrl}/image/v2/images/${image.metadata.name}` } };
}
