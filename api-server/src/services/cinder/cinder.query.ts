// What every Cinder list does alike (volumes, snapshots): the project scope (all_tenants for
// admins), newest first, `sort=key:dir` or sort_key/sort_dir, limit, marker and offset with
// osapi_max_limit 1000, a 404 for an unknown marker, and a next link on every full page.
import type { ListPage, ListSpec, Query } from '../../common/list-query.js';
import { nextQuery, parseBoolQuery } from '../../common/pagination.js';
import type { AuthContext } from '../../common/route.js';

/** A non-admin lists their project's volumes and snapshots; an admin too, unless all_tenants asks for every project. */
export function listedProjects(query: Query, auth: AuthContext): (projectId: string) => boolean {
  const all = auth.isAdmin && (parseBoolQuery(query.all_tenants) ?? query.all_tenants !== undefined);
  return (projectId) => all || projectId === auth.projectId;
}

/** The list spec fields shared by every Cinder collection of objects with a projectId. */
export function cinderListSpec<T extends { metadata: { name: string }; spec: { projectId: string } }>(): Pick<ListSpec<T>, 'baseFilter' | 'defaultSort' | 'sortParam' | 'idOf' | 'maxLimit' | 'offset' | 'nextWhenFull' | 'markerNotFound' | 'markerNotFoundStatus'> {
  return {
    baseFilter: (query, auth) => {
      const listed = listedProjects(query, auth);
      return (item) => listed(item.spec.projectId);
    },
    defaultSort: { key: 'created_at', dir: 'desc' },
    sortParam: true,
    idOf: (item) => item.metadata.name,
    maxLimit: 1000,
    offset: true,
    nextWhenFull: true,
    markerNotFound: (marker) => `Marker ${marker} could not be found.`,
    markerNotFoundStatus: 404,
  };
}

/** `<collection>_links` with the next page's absolute URL, when there is one. */
export function nextLinks(collection: string, href: string, query: Query, page: ListPage<unknown>): Record<string, { rel: string; href: string }[]> {
  return page.nextMarker ? { [`${collection}_links`]: [{ rel: 'next', href: `${href}?${nextQuery(query, page.nextMarker)}` }] } : {};
}
