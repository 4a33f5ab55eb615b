// Who sees which image, in one place for Glance's GET /v2/images and Nova's POST /servers (Nova
// asks Glance with the caller's token, so Glance's rule decides there too). Glance's
// is_image_visible: an admin sees every image; anyone else public and community images and their
// own project's (and shared ones they are a member of, once image members exist).
import type { Image } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import type { Predicate, Query } from '../../../common/list-query.js';
import { lastQueryValue } from '../../../common/pagination.js';
import type { AuthContext } from '../../../common/route.js';
import type { ResourceStore } from '../../../kube/store.js';

const VISIBILITIES = ['public', 'private', 'shared', 'community', 'all'];

export function imageVisible(image: Image, auth: AuthContext): boolean {
  const v = image.spec.visibility;
  return auth.isAdmin || v === 'public' || v === 'community' || image.spec.owner === auth.projectId;
}

/** The image with this id if the caller may see it; a hidden one is as absent as a missing one. */
export function lookupImage(images: ResourceStore<Image>, auth: AuthContext, id: string): Image | undefined {
  const image = images.get(id);
  return image && imageVisible(image, auth) ? image : undefined;
}

/**
 * What an image list shows besides visibility (Glance's _make_conditions_from_filters): with no
 * visibility filter, community images only when they are the caller's own; with one, that
 * visibility (`all` for every one); hidden (os_hidden) images only when asked for.
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
  return (i) => byVisibility(i) && (i.spec.osHidden ?? false) === (hidden === 'true');
}
