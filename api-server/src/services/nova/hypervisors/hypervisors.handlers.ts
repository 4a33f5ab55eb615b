// /os-hypervisors handlers: one hypervisor per Node, read from the informer caches (nothing is
// written). Lookups and messages are Nova's HypervisorsController's.
import type { Static } from '@sinclair/typebox';
import type { Node } from '../../../../../crds/kube-types.js';
import type { Stores } from '../../../deps.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { lastQueryValue, nextQuery, parseLimit } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { nextPageLinks } from '../links.js';
import { at } from '../microversion.js';
import { computeNodes, hostId, serversOn } from './hypervisors.hosts.js';
import type { listHypervisorsQuery } from './hypervisors.schema.js';
import { hypervisorDetailView, hypervisorStatisticsView, hypervisorSummaryView, hypervisorWithServersView, uptimeText } from './hypervisors.view.js';

type ListContext = RouteContext<undefined, Static<typeof listHypervisorsQuery>>;
type Handler<C = RouteContext<undefined, object>> = (ctx: C) => Promise<RouteResult>;

/** Nova's CONF.api.max_limit. */
const MAX_PAGE = 1000;

/** Nova lists compute nodes by id; from 2.33 a page starts after the marker's id. */
function pageOf(nodes: Node[], ctx: ListContext): { page: Node[]; nextMarker?: string } {
  const byId = [...nodes].sort((a, b) => hostId(a) - hostId(b));
  if (!at(ctx.microversion, 'HYPERVISOR_PAGING')) return { page: byId };
  const marker = lastQueryValue(ctx.query.marker);
  const start = marker === undefined ? 0 : byId.findIndex((n) => String(hostId(n)) === marker) + 1;
  if (start === 0 && marker !== undefined) throw badRequest(`marker [${marker}] not found`);
  const limit = parseLimit(ctx.query.limit, MAX_PAGE);
  const page = byId.slice(start, start + limit);
  const more = start + limit < byId.length && page.length > 0;
  return { page, nextMarker: more ? String(hostId(page[page.length - 1])) : undefined };
}

function listHypervisors(stores: Stores, path: string, view: (n: Node, mv: string | undefined) => object): Handler<ListContext> {
  return async (ctx) => {
    const { page, nextMarker } = pageOf(computeNodes(stores), ctx);
    const links = nextPageLinks(ctx.baseUrl, path, nextMarker && nextQuery(ctx.query, nextMarker));
    return { body: { hypervisors: page.map((n) => view(n, ctx.microversion)), ...(links ? { hypervisors_links: links } : {}) } };
  };
}

export function listHypervisorsHandler(stores: Stores): Handler<ListContext> {
  return listHypervisors(stores, 'os-hypervisors', (n) => hypervisorSummaryView(n));
}

export function listHypervisorsDetailHandler(stores: Stores): Handler<ListContext> {
  return listHypervisors(stores, 'os-hypervisors/detail', (n, mv) => hypervisorDetailView(stores, n, mv));
}

/** The Node a path's integer id names; anything else is Nova's 404 (below 2.53 ids are integers). */
export function findHypervisor(stores: Stores, id: string): Node {
  const node = /^\d+$/.test(id) ? computeNodes(stores).find((n) => String(hostId(n)) === String(Number(id))) : undefined;
  if (!node) throw notFound(`Hypervisor with ID '${id}' could not be found.`);
  return node;
}

export function showHypervisorHandler(stores: Stores): Handler {
  return async (ctx) => ({ body: { hypervisor: hypervisorDetailView(stores, findHypervisor(stores, ctx.params.hypervisorId), ctx.microversion) } });
}

export function hypervisorUptimeHandler(stores: Stores): Handler {
  return async (ctx) => {
    const node = findHypervisor(stores, ctx.params.hypervisorId);
    return { body: { hypervisor: { ...hypervisorSummaryView(node), uptime: uptimeText(node) } } };
  };
}

export function hypervisorStatisticsHandler(stores: Stores): Handler {
  return async () => ({ body: { hypervisor_statistics: hypervisorStatisticsView(stores) } });
}

/** Nova's compute_node_search_by_hypervisor: hostnames containing the pattern (SQL LIKE %pattern%). */
function matching(stores: Stores, pattern: string): Node[] {
  const nodes = computeNodes(stores).filter((n) => n.metadata.name.includes(pattern));
  if (!nodes.length) throw notFound(`No hypervisor matching '${pattern}' could be found.`);
  return nodes;
}

/** GET /os-hypervisors/{pattern}/search (below 2.53). */
export function searchHypervisorsHandler(stores: Stores): Handler {
  return async (ctx) => ({ body: { hypervisors: matching(stores, ctx.params.pattern).map((n) => hypervisorSummaryView(n)) } });
}

/** GET /os-hypervisors/{pattern}/servers (below 2.53): the matches with the servers on each. */
export function hypervisorServersHandler(stores: Stores): Handler {
  return async (ctx) => ({ body: { hypervisors: matching(stores, ctx.params.pattern).map((n) => hypervisorWithServersView(n, serversOn(stores, n.metadata.name))) } });
}
