// Sharing an image with other projects (Glance's image members): the owner adds and removes
// members of a shared image; each member project answers for itself (accepted or rejected). The
// members live in the image's spec, changed under its resourceVersion.
import type { Static } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { ApiError, conflict, forbidden, notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findImage, findOwnImage, imageNotFound, isImageOwner, memberOf, type ImageMember } from '../images/images.access.js';
import type { createMemberBody, updateMemberBody } from './image-members.schema.js';
import { memberView } from './image-members.view.js';

/** Glance's image_member_quota. */
const MAX_MEMBERS = 128;

function requireShared(image: Image): void {
  if (image.spec.visibility !== 'shared') throw forbidden('Only shared images have members.');
}

function memberNotFound(imageId: string, memberId: string): ApiError {
  return notFound(`Member ${memberId} not found for image ${imageId}.`);
}

/** Writes the image's members through `change`; the image vanishing meanwhile is a 404. */
async function changeMembers(stores: Stores, imageId: string, change: (members: ImageMember[]) => ImageMember[] | undefined): Promise<Image> {
  const updated = await stores.images.update(imageId, undefined, (current) => {
    requireShared(current);
    const members = change(current.spec.members ?? []);
    return members && { ...current, spec: { ...current.spec, members } };
  });
  if (!updated) throw imageNotFound(imageId);
  return updated;
}

export function createMemberHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createMemberBody>, object>): Promise<RouteResult> => {
    const { imageId } = ctx.params;
    const projectId = ctx.body.member;
    requireShared(findOwnImage(stores.images, ctx.auth, imageId, 'share'));
    const now = new Date().toISOString();
    const updated = await changeMembers(stores, imageId, (members) => {
      if (members.some((m) => m.projectId === projectId)) throw conflict(`Member ${projectId} already exists.`);
      if (members.length >= MAX_MEMBERS) throw new ApiError(413, `Maximum number of image members exceeded: ${MAX_MEMBERS}.`);
      return [...members, { projectId, status: 'pending', createdAt: now, updatedAt: now }];
    });
    return { body: memberView(updated, memberOf(updated, projectId)!) };
  };
}

/** The owner sees every member; a member project only itself. */
function membersSeenBy(image: Image, ctx: RouteContext<undefined, object>): ImageMember[] {
  const members = image.spec.members ?? [];
  return isImageOwner(image, ctx.auth) ? members : members.filter((m) => m.projectId === ctx.auth.projectId);
}

export function listMembersHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const image = findImage(stores.images, ctx.auth, ctx.params.imageId);
    requireShared(image);
    return { body: { members: membersSeenBy(image, ctx).map((m) => memberView(image, m)), schema: '/v2/schemas/members' } };
  };
}

export function showMemberHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const { imageId, memberId } = ctx.params;
    const image = findImage(stores.images, ctx.auth, imageId);
    requireShared(image);
    const m = membersSeenBy(image, ctx).find((x) => x.projectId === memberId);
    if (!m) throw memberNotFound(imageId, memberId);
    return { body: memberView(image, m) };
  };
}

export function updateMemberHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateMemberBody>, object>): Promise<RouteResult> => {
    const { imageId, memberId } = ctx.params;
    const image = findImage(stores.images, ctx.auth, imageId);
    if (!memberOf(image, memberId)) throw memberNotFound(imageId, memberId);
    // Only the member project answers (Glance's modify_member); not even the owner may.
    if (ctx.auth.projectId !== memberId && !ctx.auth.isAdmin) throw forbidden(`You are not permitted to modify 'status' on this image member.`);
    const updated = await changeMembers(stores, imageId, (members) => {
      if (!members.some((m) => m.projectId === memberId)) throw memberNotFound(imageId, memberId);
      const now = new Date().toISOString();
      return members.map((m) => (m.projectId === memberId ? { ...m, status: ctx.body.status, updatedAt: now } : m));
    });
    return { body: memberView(updated, memberOf(updated, memberId)!) };
  };
}

export function deleteMemberHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const { imageId, memberId } = ctx.params;
    findOwnImage(stores.images, ctx.auth, imageId, 'unshare');
    await changeMembers(stores, imageId, (members) => {
      if (!members.some((m) => m.projectId === memberId)) throw memberNotFound(imageId, memberId);
      return members.filter((m) => m.projectId !== memberId);
    });
    return {};
  };
}
