// Server handlers: validate references, write the Server CR, and answer from the cache.
import { randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Flavor, Image, Server } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import type { Stores } from '../../../deps.js';
import { ApiError, badRequest, conflict, notFound } from '../../../common/errors.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { parseCount, refId, toServerResource } from './servers.mapper.js';
import type { CreateServerBody } from './servers.schema.js';
import { listScope, selectServers } from './servers.query.js';
import { nextQuery } from '../../../common/pagination.js';
import { serverDetail, serverLinks, serverSummary } from './servers.view.js';

export function findServer(stores: Stores, auth: AuthContext, id: string): Server {
  const found = auth.isAdmin
    ? stores.servers.list().find((s) => s.metadata.name === id)
    : auth.projectId
      ? stores.servers.get(id, projectNamespace(auth.projectId))
      : undefined;
  if (!found) throw notFound(`Instance ${id} could not be found.`);
  return found;
}

export function imageVisible(image: Image, auth: AuthContext): boolean {
  const v = image.spec.visibility;
  return auth.isAdmin || v === 'public' || v === 'community' || image.spec.owner === auth.projectId;
}

function checkFlavor(stores: Stores, ref: string | number): Flavor {
  const flavor = stores.flavors.get(refId(ref));
  if (!flavor) throw badRequest(`Flavor ${refId(ref)} could not be found.`);
  if (flavor.spec.disabled) throw badRequest(`Flavor ${refId(ref)} is disabled and cannot be used.`);
  return flavor;
}

function checkImage(stores: Stores, auth: AuthContext, body: CreateServerBody['server']): void {
  const id = refId(body.imageRef);
  if (!id) {
    if (body.block_device_mapping_v2?.length) throw badRequest('Booting from volume is not supported yet.');
    throw badRequest('Missing imageRef attribute');
  }
  const image = stores.images.get(id);
  if (!image || !imageVisible(image, auth)) throw badRequest(`Image ${id} could not be found.`);
  if ((image.status?.status ?? 'queued') !== 'active') throw badRequest(`Image ${id} is not active.`);
}

function checkAccessIps(body: CreateServerBody['server']): void {
  if (body.accessIPv4 && !isIPv4(body.accessIPv4)) throw badRequest(`Invalid input for field/attribute accessIPv4. Value: ${body.accessIPv4} is not a valid IPv4 address.`);
  if (body.accessIPv6 && (!isIPv6(body.accessIPv6) || body.accessIPv6.includes('%'))) throw badRequest(`Invalid input for field/attribute accessIPv6. Value: ${body.accessIPv6} is not a valid IPv6 address.`);
}

/** References to resources this slice does not serve yet are rejected, not ignored. */
function checkUnsupported(body: CreateServerBody['server']): void {
  if (body.key_name) throw badRequest(`Invalid key_name provided: keypair ${body.key_name} not found.`);
  for (const n of body.networks ?? []) {
    if (n.port) throw badRequest(`Port ${n.port} could not be found.`);
    if (n.uuid) throw badRequest(`Network ${n.uuid} could not be found.`);
  }
}

/** Until quotas exist, one request may boot at most this many servers (Nova's default instance quota). */
export const MAX_SERVERS_PER_REQUEST = 10;

function counts(body: CreateServerBody['server']): { min: number; max: number } {
  const min = parseCount(body.min_count, 1);
  const max = parseCount(body.max_count, min);
  if (min > max) throw badRequest(`min_count (${min}) must be <= max_count (${max}).`);
  if (max > MAX_SERVERS_PER_REQUEST) {
    throw new ApiError(403, `Quota exceeded for instances: Requested ${max}, but the limit is ${MAX_SERVERS_PER_REQUEST}.`);
  }
  // Multiple create names servers <name>-<n>: that name must still fit.
  if (max > 1 && `${body.name}-${max}`.length > 255) throw badRequest(`Server name is too long to append -${max} for multiple create.`);
  return { min, max };
}

/** All or nothing: if one of several servers cannot be created, the ones made are removed. */
async function createAll(stores: Stores, servers: Server[]): Promise<Server[]> {
  const created: Server[] = [];
  try {
    for (const s of servers) created.push(await createOne(stores, s));
    return created;
  } catch (err) {
    await Promise.all(created.map((s) => stores.servers.delete(s.metadata.name, s.metadata.namespace).catch(() => undefined)));
    throw err;
  }
}

async function createOne(stores: Stores, server: Server): Promise<Server> {
  try {
    return await stores.servers.create(server);
  } catch (err) {
    // The namespace is missing: the operator has not realized the project yet.
    if (isNotFound(err)) throw conflict(`Project ${server.spec.projectId} is not ready yet; retry shortly.`);
    throw err;
  }
}

export function createServerHandler(stores: Stores) {
  return async (ctx: RouteContext<CreateServerBody>): Promise<RouteResult> => {
    const projectId = requireProject(ctx.auth);
    const body = ctx.body.server;
    checkFlavor(stores, body.flavorRef);
    checkImage(stores, ctx.auth, body);
    checkUnsupported(body);
    checkAccessIps(body);
    const { max } = counts(body);
    const names = max > 1 ? Array.from({ length: max }, (_, i) => `${body.name}-${i + 1}`) : [body.name];
    const created = await createAll(stores, names.map((name) => toServerResource({ projectId, userId: ctx.auth.userId, name }, body)));
    if (body.return_reservation_id === true || body.return_reservation_id === 'True') {
      return { body: { reservation_id: `r-${randomBytes(4).toString('hex')}` } };
    }
    const first = created[0];
    const server = {
      id: first.metadata.name,
      links: serverLinks(ctx.baseUrl, first.metadata.name),
      'OS-DCF:diskConfig': 'MANUAL',
      security_groups: (first.spec.securityGroups ?? []).map((name) => ({ name })),
      adminPass: body.adminPass ?? randomBytes(9).toString('base64url'),
    };
    return { body: { server }, headers: { Location: server.links[0].href } };
  };
}

function visibleServers(stores: Stores, ctx: RouteContext): Server[] {
  const scope = listScope(ctx.query, ctx.auth);
  if (scope.allProjects) return stores.servers.list();
  if (!scope.projectId) throw new ApiError(403, 'A project-scoped token is required for this request.');
  return stores.servers.list(projectNamespace(scope.projectId));
}

function pageLinks(ctx: RouteContext, path: string, nextMarker?: string): object {
  if (!nextMarker) return {};
  return { servers_links: [{ rel: 'next', href: `${ctx.baseUrl}/compute/v2.1/${path}?${nextQuery(ctx.query, nextMarker)}` }] };
}

export function listServersHandler(stores: Stores, detailed: boolean) {
  return async (ctx: RouteContext): Promise<RouteResult> => {
    const page = selectServers(visibleServers(stores, ctx), ctx.query, ctx.auth);
    const servers = page.items.map((s) => (detailed ? serverDetail(ctx.baseUrl, s, ctx.auth.isAdmin) : serverSummary(ctx.baseUrl, s)));
    return { body: { servers, ...pageLinks(ctx, detailed ? 'servers/detail' : 'servers', page.nextMarker) } };
  };
}

export function showServerHandler(stores: Stores) {
  return async (ctx: RouteContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    return { body: { server: serverDetail(ctx.baseUrl, server, ctx.auth.isAdmin) } };
  };
}

export function deleteServerHandler(stores: Stores) {
  return async (ctx: RouteContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    await stores.servers.delete(server.metadata.name, server.metadata.namespace);
    return {};
  };
}
