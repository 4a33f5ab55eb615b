// /os-hypervisors handlers: one hypervisor per Node, read from the informer caches (nothing is
// written). Lookups and messages are Nova's HypervisorsController's.
import type { Static } from '@sinclair/typebox';
import type { Node } from '../../../../../crds/kube-types.js';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { lastQueryValue, nextQuery, parseLimit } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { nextPageLinks } from '../links.js';
import { at } from '../microversion.js';
import { computeNodes, hostId, idAt, serversOn } from './hypervisors.hosts.js';
import type { listHypervisorsQuery, showHypervisorQuery } from './hypervisors.schema.js';
import { hypervisorDetailView, hypervisorStatisticsView, hypervisorSummaryView, uptimeText } from './hypervisors.view.js';

type ListQuery = Static<typeof listHypervisorsQuery>;
type ListContext = RouteContext<undefined, ListQuery>;
type Handler<C = RouteContext<undefined, object>> = (ctx: C) => Promise<RouteResult>;
type View = (n: Node, mv: string | undefined, servers?: Server[]) => object;

/** Nova's CONF.api.max_limit. */
const MAX_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const LIST_KEYS_253 = ['limit', 'marker', 'hypervisor_hostname_pattern', 'with_servers'];
const SHOW_KEYS_253 = ['with_servers'];

/** The id a version shows, as a string: what a marker or a path names. */
const shownId = (n: Node, mv: string | undefined): string => String(idAt(n, 'hypervisor', at(mv, 'HOST_UUIDS')));

/** Nova's strict boolean (strutils.bool_from_string(strict=True)) of with_servers, from 2.53. */
function withServers(raw: unknown, mv: string | undefined): boolean {
  const v = lastQueryValue(raw);
  if (!at(mv, 'HOST_UUIDS') || v === undefined) return false;
  const word = v.toLowerCase();
  if (['1', 't', 'true', 'on', 'y', 'yes'].includes(word)) return true;
  if (['0', 'f', 'false', 'off', 'n', 'no'].includes(word)) return false;
  throw badRequest(`Invalid input for query parameters with_servers. Value: ${v}. '${v}' is not one of ['True', 'False', 'true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'y', 'n', 't', 'f']`);
}

/** From 2.53 Nova's query schemas take no other keys. */
function refuseUnknownKeys(query: object, allowed: string[], mv: string | undefined): void {
  const unknown = Object.keys(query).filter((k) => !allowed.includes(k));
  if (at(mv, 'HOST_UUIDS') && unknown.length) throw badRequest(`Invalid input for query parameters ${unknown[0]}. Value: ${JSON.stringify(query)}. Additional properties are not allowed ('${unknown[0]}' was unexpected)`);
}

/** Nova lists compute nodes by id; from 2.33 a page starts after the marker's id. */
function pageOf(nodes: Node[], ctx: ListContext): { page: Node[]; nextMarker?: string } {
  const byId = [...nodes].sort((a, b) => hostId(a) - hostId(b));
  if (!at(ctx.microversion, 'HYPERVISOR_PAGING')) return { page: byId };
  const marker = lastQueryValue(ctx.query.marker);
  const start = marker === undefined ? 0 : byId.findIndex((n) => shownId(n, ctx.microversion) === marker) + 1;
  if (start === 0 && marker !== undefined) throw badRequest(`marker [${marker}] not found`);
  const limit = parseLimit(ctx.query.limit, MAX_PAGE);
  const page = byId.slice(start, start + limit);
  const more = start + limit < byId.length && page.length > 0;
  return { page, nextMarker: more ? shownId(page[page.length - 1], ctx.microversion) : undefined };
}

/** Nova's compute_node_search_by_hypervisor: hostnames containing the pattern (SQL LIKE %pattern%). */
function matching(stores: Stores, pattern: string): Node[] {
  const nodes = computeNodes(stores).filter((n) => n.metadata.name.includes(pattern));
  if (!nodes.length) throw notFound(`No hypervisor matching '${pattern}' could be found.`);
  return nodes;
}

/** From 2.53 a hostname pattern replaces the search route; it does not page. */
function selected(stores: Stores, ctx: ListContext): { page: Node[]; nextMarker?: string } {
  const pattern = at(ctx.microversion, 'HOST_UUIDS') ? lastQueryValue(ctx.query.hypervisor_hostname_pattern) : undefined;
  if (pattern === undefined) return pageOf(computeNodes(stores), ctx);
  if (ctx.query.limit !== undefined || ctx.query.marker !== undefined) throw badRequest('Paging over hypervisors with the hypervisor_hostname_pattern query parameter is not supported.');
  return { page: matching(stores, pattern) };
}

function listHypervisors(stores: Stores, path: string, view: View): Handler<ListContext> {
  return async (ctx) => {
    refuseUnknownKeys(ctx.query, LIST_KEYS_253, ctx.microversion);
    const servers = withServers(ctx.query.with_servers, ctx.microversion);
    const { page, nextMarker } = selected(stores, ctx);
    const links = nextPageLinks(ctx.baseUrl, path, nextMarker && nextQuery(ctx.query, nextMarker));
    const hypervisors = page.map((n) => view(n, ctx.microversion, servers ? serversOn(stores, n.metadata.name) : undefined));
    return { body: { hypervisors, ...(links ? { hypervisors_links: links } : {}) } };
  };
}

export function listHypervisorsHandler(stores: Stores): Handler<ListContext> {
  return listHypervisors(stores, 'os-hypervisors', hypervisorSummaryView);
}

export function listHypervisorsDetailHandler(stores: Stores): Handler<ListContext> {
  return listHypervisors(stores, 'os-hypervisors/detail', (n, mv, servers) => hypervisorDetailView(stores, n, mv, servers));
}

/** The Node a path's id names: an integer below 2.53 (else Nova's 404), a uuid from it (else 400). */
export function findHypervisor(stores: Stores, id: string, mv: string | undefined): Node {
  if (at(mv, 'HOST_UUIDS') && !UUID.test(id)) throw badRequest(`Invalid uuid ${id}`);
  const wanted = at(mv, 'HOST_UUIDS') ? id.toLowerCase() : /^\d+$/.test(id) && String(Number(id));
  const node = wanted ? computeNodes(stores).find((n) => shownId(n, mv) === wanted) : undefined;
  if (!node) throw notFound(`Hypervisor with ID '${id}' could not be found.`);
  return node;
}

export function showHypervisorHandler(stores: Stores): Handler<RouteContext<undefined, Static<typeof showHypervisorQuery>>> {
  return async (ctx) => {
    refuseUnknownKeys(ctx.query, SHOW_KEYS_253, ctx.microversion);
    const servers = withServers(ctx.query.with_servers, ctx.microversion);
    const node = findHypervisor(stores, ctx.params.hypervisorId, ctx.microversion);
    return { body: { hypervisor: hypervisorDetailView(stores, node, ctx.microversion, servers ? serversOn(stores, node.metadata.name) : undefined) } };
  };
}

export function hypervisorUptimeHandler(stores: Stores): Handler {
  return async (ctx) => {
    const node = findHypervisor(stores, ctx.params.hypervisorId, ctx.microversion);
    return { body: { hypervisor: { ...hypervisorSummaryView(node, ctx.microversion), uptime: uptimeText(node) } } };
  };
}

export function hypervisorStatisticsHandler(stores: Stores): Handler {
  return async () => ({ body: { hypervisor_statistics: hypervisorStatisticsView(stores) } });
}

/** GET /os-hypervisors/{pattern}/search (below 2.53). */
export function searchHypervisorsHandler(stores: Stores): Handler {
  return async (ctx) => ({ body: { hypervisors: matching(stores, ctx.params.pattern).map((n) => hypervisorSummaryView(n, ctx.microversion)) } });
}

/** GET /os-hypervisors/{pattern}/servers (below 2.53): the matches with the servers on each. */
export function hypervisorServersHandler(stores: Stores): Handler {
  return async (ctx) => ({ body: { hypervisors: matching(stores, ctx.params.pattern).map((n) => hypervisorSummaryView(n, ctx.microversion, serversOn(stores, n.metadata.name))) } });
}
