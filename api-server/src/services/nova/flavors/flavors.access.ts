// Who sees which flavor, in one place for GET /flavors, the extra specs and POST /servers, as in
// Nova's Flavor._flavor_get_query_from_db: an admin sees every flavor, anyone else the public ones
// plus the private ones their project was given access to (spec.accessProjects). A flavor deleted
// while servers still use it (spec.deleted) is seen by no one.
import type { Flavor } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import type { Predicate, Query } from '../../../common/list-query.js';
import { lastQueryValue, parseBoolQuery } from '../../../common/pagination.js';
import type { AuthContext } from '../../../common/route.js';
import type { ResourceStore } from '../../../kube/store.js';

export function flavorVisible(flavor: Flavor, auth: AuthContext): boolean {
  if (flavor.spec.deleted) return false;
  return auth.isAdmin || flavor.spec.isPublic !== false || (!!auth.projectId && (flavor.spec.accessProjects ?? []).includes(auth.projectId));
}

/** The flavor with this id if the caller may see it; a hidden one is as absent as a missing one. */
export function lookupFlavor(flavors: ResourceStore<Flavor>, auth: AuthContext, id: string): Flavor | undefined {
  const flavor = flavors.get(id);
  return flavor && flavorVisible(flavor, auth) ? flavor : undefined;
}

/** Nova's _parse_is_public: absent means public only, "None" means all, else a strict boolean. */
function wantedPublic(raw: unknown): boolean | undefined {
  const v = lastQueryValue(raw);
  if (v === undefined) return true;
  if (v.toLowerCase() === 'none') return undefined;
  const want = parseBoolQuery(v);
  if (want === undefined) throw badRequest(`Invalid is_public filter [${v}]`);
  return want;
}

/**
 * What a flavor list shows (Nova's _get_flavors): a non-admin's is_public is ignored and only
 * public, enabled flavors are listed; an admin's is_public picks public (default), private or all.
 */
export function flavorListFilter(query: Query, auth: AuthContext): Predicate<Flavor> {
  if (!auth.isAdmin) return (f) => flavorVisible(f, auth) && !f.spec.disabled;
  const want = wantedPublic(query.is_public);
  return want === undefined ? () => true : (f) => (f.spec.isPublic !== false) === want;
}
