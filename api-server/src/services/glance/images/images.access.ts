// Who sees and who changes which image, in one place for Glance's routes and Nova's POST /servers
// (Nova asks Glance with the caller's token, so Glance's rule decides there too). Glance's
// is_image_visible: an admin sees every image; anyone else public and community images, their own
// project's, and shared ones their project is a member of (whatever its answer). Changing one
// (Glance's modify_image, delete_image, upload_image...) is for its owner's members and admins: a
// visible image of someone else is a 403, an invisible one a 404.
import type { Image } from '../../../../../crds/types.generated.js';
import { badRequest, forbidden, notFound, type ApiError } from '../../../common/errors.js';
import type { Predicate, Query } from '../../../common/list-query.js';
import { lastQueryValue } from '../../../common/pagination.js';
import type { AuthContext } from '../../../common/route.js';
import type { ResourceStore } from '../../../kube/store.js';

const VISIBILITIES = ['public', 'private', 'shared', 'community', 'all'];
const MEMBER_STATUSES = ['pending', 'accepted', 'rejected', 'all'];

export type ImageMember = NonNullable<Image['spec']['members']>[number];

export function memberOf(image: Image, projectId: string | undefined): ImageMember | undefined {
  return projectId === undefined ? undefined : image.spec.members?.find((m) => m.projectId === projectId);
}

export function imageVisible(image: Image, auth: AuthContext): boolean {
  const v = image.spec.visibility;
  if (auth.isAdmin || v === 'public' || v === 'community' || image.spec.owner === auth.projectId) return true;
  return v === 'shared' && memberOf(image, auth.projectId) !== undefined;
}

/** The image with this id if the caller may see it; a hidden one is as absent as a missing one. */
export function lookupImage(images: ResourceStore<Image>, auth: AuthContext, id: string): Image | undefined {
  const image = images.get(id);
  return image && imageVisible(image, auth) ? image : undefined;
}

/** Glance's 404 for an image that does not exist, is not visible, or went away meanwhile. */
export function imageNotFound(id: string): ApiError {
  return notFound(`No image found with ID ${id}`);
}

export function findImage(images: ResourceStore<Image>, auth: AuthContext, id: string): Image {
  const image = lookupImage(images, auth, id);
  if (!image) throw imageNotFound(id);
  return image;
}

export function isImageOwner(image: Image, auth: AuthContext): boolean {
  return auth.isAdmin || image.spec.owner === auth.projectId;
}

/** The image, when the caller may change it: 404 when it is invisible, 403 when it is another project's. */
export function findOwnImage(images: ResourceStore<Image>, auth: AuthContext, id: string, action = 'modify'): Image {
  const image = findImage(images, auth, id);
  if (!isImageOwner(image, auth)) throw forbidden(`You are not permitted to ${action} this image.`);
  return image;
}

/** Shared images a non-owner lists: those its project answered as member_status asks (accepted by default). */
function sharedListed(query: Query, auth: AuthContext): Predicate<Image> {
  const wanted = lastQueryValue(query.member_status) ?? 'accepted';
  if (!MEMBER_STATUSES.includes(wanted)) throw badRequest(`Invalid status value: ${wanted}`);
  return (i) => {
    if (i.spec.visibility !== 'shared' || i.spec.owner === auth.projectId) return true;
    const member = memberOf(i, auth.projectId);
    return member === undefined ? auth.isAdmin : wanted === 'all' || member.status === wanted;
  };
}

/**
 * What an image list shows besides visibility (Glance's _make_conditions_from_filters): with no
 * visibility filter, community images only when they are the caller's own; with one, that
 * visibility (`all` for every one); shared images of others as member_status says; hidden
 * (os_hidden) images only when asked for.
 */
export function imageListFilter(query: Query, auth: AuthContext): Predicate<Image> {
  const wanted = lastQueryValue(query.visibility);
  if (wanted !== undefined && !VISIBILITIES.includes(wanted)) throw badRequest(`Invalid visibility value: ${wanted}`);
  const hidden = (lastQueryValue(query.os_hidden) ?? 'false').toLowerCase();
  if (hidden !== 'true' && hidden !== 'false') {
    throw badRequest(`Invalid value '${hidden}' for 'os_hidden' filter. Valid values are 'true' or 'false'.`);
  }
  const byVisibility: Predicate<Image> =
    wanted === undefined
      ? (i) => i.spec.visibility !== 'community' || i.spec.owner === auth.projectId
      : (i) => wanted === 'all' || i.spec.visibility === wanted;
  const shared = sharedListed(query, auth);
  return (i) => byVisibility(i) && shared(i) && (i.spec.osHidden ?? false) === (hidden === 'true');
}
