// Image tags (PUT/DELETE /v2/images/{id}/tags/{tag}) and the deactivate/reactivate actions, each
// one read-modify-write of the image under its resourceVersion. Glance's deactivate and
// reactivate default to the owner's members and admins (ADMIN_OR_PROJECT_MEMBER), as tags do.
import type { Image } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { ApiError, badRequest, notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findOwnImage, imageNotFound } from './images.access.js';

/** Glance's image_tag_quota. */
const MAX_TAGS = 128;

export function addImageTagHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const { imageId, tag } = ctx.params;
    if (tag.length > 255) throw badRequest('Provided object does not match schema \'image\': tag is longer than 255 characters');
    findOwnImage(stores.images, ctx.auth, imageId);
    const updated = await stores.images.update(imageId, undefined, (current) => {
      const tags = current.spec.tags ?? [];
      if (tags.includes(tag)) return undefined;
      if (tags.length >= MAX_TAGS) throw new ApiError(413, `Maximum number of tags exceeded: ${MAX_TAGS}.`);
      return { ...current, spec: { ...current.spec, tags: [...tags, tag], updatedAt: new Date().toISOString() } };
    });
    if (!updated) throw imageNotFound(imageId);
    return {};
  };
}

export function deleteImageTagHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const { imageId, tag } = ctx.params;
    findOwnImage(stores.images, ctx.auth, imageId);
    const updated = await stores.images.update(imageId, undefined, (current) => {
      const tags = current.spec.tags ?? [];
      if (!tags.includes(tag)) throw notFound(`Tag ${tag} not found.`);
      return { ...current, spec: { ...current.spec, tags: tags.filter((t) => t !== tag), updatedAt: new Date().toISOString() } };
    });
    if (!updated) throw imageNotFound(imageId);
    return {};
  };
}

type Status = NonNullable<NonNullable<Image['status']>['status']>;

/** Deactivation toggles between active and deactivated; from any other status it is a 400. */
type Handler = (ctx: RouteContext<undefined, object>) => Promise<RouteResult>;

function toggleHandler(stores: Stores, action: 'deactivate' | 'reactivate', target: Status): Handler {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const { imageId } = ctx.params;
    findOwnImage(stores.images, ctx.auth, imageId, action);
    const updated = await stores.images.updateStatus(imageId, undefined, (current) => {
      const status = current.status?.status ?? 'queued';
      if (status === target) return undefined;
      if (status !== 'active' && status !== 'deactivated') throw badRequest(`Not allowed to ${action} image in status '${status}'`);
      return { ...current, status: { ...current.status, status: target, dataUpdatedAt: new Date().toISOString() } };
    });
    if (!updated) throw imageNotFound(imageId);
    return {};
  };
}

export const deactivateImageHandler = (stores: Stores): Handler => toggleHandler(stores, 'deactivate', 'deactivated');
export const reactivateImageHandler = (stores: Stores): Handler => toggleHandler(stores, 'reactivate', 'active');
