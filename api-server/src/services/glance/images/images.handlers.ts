// Image handlers: the list through the shared list query; one image through the access rule;
// create, JSON-patch update and delete as Glance's images controller does them. Image bytes are
// image-data's business; here a delete only removes them after the image is gone.
import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import type { ImageDataStore } from '../image-data/image-data.store.js';
import { IMPORT_METHODS } from '../image-data/image-data.handlers.js';
import { mediaTypeOf } from '../../../common/body.js';
import { ApiError, conflict, forbidden } from '../../../common/errors.js';
import { runListQuery } from '../../../common/list-query.js';
import { nextQuery } from '../../../common/pagination.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { findImage, findOwnImage, imageNotFound, imageVisible } from './images.access.js';
import { applyImagePatch, normalizePatch, patchedAttributes, toImageSpec } from './images.mapper.js';
import { imageListSpec } from './images.query.js';
import type { createImageBody, listImagesQuery, patchImageBody } from './images.schema.js';
import { imageView } from './images.view.js';

const JSON_PATCH_TYPES = ['application/openstack-images-v2.1-json-patch', 'application/openstack-images-v2.0-json-patch'];

export function listImagesHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listImagesQuery>>): Promise<RouteResult> => {
    const visible = stores.images.list().filter((i) => imageVisible(i, ctx.auth));
    const page = runListQuery(imageListSpec, visible, ctx.query, ctx.auth);
    // Glance's next link is relative and starts with /v2 (clients rebuild it on their endpoint).
    const next = page.nextMarker ? { next: `/v2/images?${nextQuery(ctx.query, page.nextMarker)}` } : {};
    return { body: { images: page.items.map(imageView), schema: '/v2/schemas/images', first: '/v2/images', ...next } };
  };
}

export function showImageHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => ({ body: imageView(findImage(stores.images, ctx.auth, ctx.params.imageId)) });
}

/** Glance's publicize_image is admin-only; an image owned by another project is too. */
function checkCreatable(spec: Image['spec'], auth: AuthContext, projectId: string): void {
  if (spec.visibility === 'public' && !auth.isAdmin) throw forbidden('You are not authorized to complete publicize_image action.');
  if (spec.owner !== projectId && !auth.isAdmin) throw forbidden(`You are not permitted to create images owned by '${spec.owner}'.`);
}

export function createImageHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createImageBody>, object>): Promise<RouteResult> => {
    const projectId = requireProject(ctx.auth);
    const { id, spec } = toImageSpec(ctx.body, projectId, new Date());
    checkCreatable(spec, ctx.auth, projectId);
    const image: Image = { ...typeMeta(Resources.Image), metadata: { name: id ?? randomUUID() }, spec };
    try {
      const created = await stores.images.create(image);
      const headers = { Location: `${ctx.baseUrl}/image/v2/images/${created.metadata.name}`, 'OpenStack-image-import-methods': IMPORT_METHODS.join(',') };
      return { body: imageView(created), headers };
    } catch (err) {
      if (isAlreadyExists(err)) throw conflict(`Image with identifier ${image.metadata.name} already exists!`);
      throw err;
    }
  };
}

/** Which attributes a patch may touch on this image, as Glance's ImmutableImageProxy and policies say. */
function checkPatchable(image: Image, attributes: Set<string>, auth: AuthContext): void {
  const status = image.status?.status ?? 'queued';
  for (const key of ['disk_format', 'container_format']) {
    if (attributes.has(key) && status !== 'queued') throw forbidden(`Attribute ${key} can be only replaced for a queued image.`);
  }
  if (attributes.has('owner') && !auth.isAdmin) throw forbidden("Attribute 'owner' is read-only.");
}

export function updateImageHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof patchImageBody>, object>): Promise<RouteResult> => {
    const found = findOwnImage(stores.images, ctx.auth, ctx.params.imageId);
    const type = mediaTypeOf(ctx.req);
    if (!JSON_PATCH_TYPES.includes(type)) throw new ApiError(415, `Unsupported Content-Type ${type || '(none)'}; use ${JSON_PATCH_TYPES[0]}.`);
    const ops = normalizePatch(ctx.body);
    checkPatchable(found, patchedAttributes(ops), ctx.auth);
    const updated = await stores.images.update(found.metadata.name, undefined, (current) => {
      const spec = applyImagePatch(current.spec, ops, new Date());
      if (spec.visibility === 'public' && current.spec.visibility !== 'public' && !ctx.auth.isAdmin) {
        throw forbidden('You are not authorized to complete publicize_image action.');
      }
      return { ...current, spec };
    });
    if (!updated) throw imageNotFound(found.metadata.name);
    return { body: imageView(updated) };
  };
}

/** Glance's delete (the owner's, of an unprotected image), which Nova's image proxy delete is too. */
export async function deleteImage(stores: Stores, data: ImageDataStore, auth: AuthContext, id: string): Promise<void> {
  const image = findOwnImage(stores.images, auth, id, 'delete');
  if (image.spec.protected) throw forbidden(`Image ${image.metadata.name} is protected and cannot be deleted.`);
  await stores.images.delete(image.metadata.name);
  // The bytes go after the image: a crash in between leaves data without an image, which the
  // store's sweep removes, never an image whose data is gone.
  await data.remove(image.metadata.name);
}

export function deleteImageHandler(stores: Stores, data: ImageDataStore) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    await deleteImage(stores, data, ctx.auth, ctx.params.imageId);
    return {};
  };
}
