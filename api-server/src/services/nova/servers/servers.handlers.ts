// Server handlers: validate references, write the Server CR, and answer from the cache.
import { randomBytes, randomUUID } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Static } from '@sinclair/typebox';
import type { Flavor, Image, Server } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import type { Stores } from '../../../deps.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { admitServers, checkMetadataQuota, releaseServers, roomFor, serverAmounts } from '../quota-sets/quota-sets.admission.js';
import { ApiError, badRequest, notFound, projectNotReady } from '../../../common/errors.js';
import { runListQuery } from '../../../common/list-query.js';
import { nextQuery } from '../../../common/pagination.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { lookupImage } from '../../glance/images/images.access.js';
import { recordAction } from '../instance-actions/instance-actions.record.js';
import { lookupFlavor } from '../flavors/flavors.access.js';
import { releaseServerPorts } from '../../neutron/ports/ports.devices.js';
import { nextPageLinks } from '../links.js';
import { checkUnlocked } from '../server-actions/server-actions.lock.js';
import { lookupKeypair } from '../keypairs/keypairs.handlers.js';
import { parseCount, refId, toServerResource, type ServerIdentity } from './servers.mapper.js';
import { checkCreateVersion, refuseRequestedDestination } from './servers.create-versions.js';
import { checkMultiattach } from '../volume-attachments/volume-attachments.versions.js';
import { versionedServerView } from './servers.versioned-view.js';
import { attachPorts, planNetworks, type NetworkPlan, type PortRef } from './servers.networks.js';
import { checkListQuery, listScope, serverListSpec } from './servers.query.js';
import type { createServerBody, listServersQuery, ServerCreateRequest } from './servers.schema.js';
import { serverCreatedView, serverLinks, serverSummaryView } from './servers.view.js';
import { bootsFromVolume, planBlockDevices, realizeBlockDevices, type PlannedDevice } from './servers.block-devices.js';
import { releaseServerVolumes } from '../volume-attachments/volume-attachments.release.js';

type CreateContext = RouteContext<Static<typeof createServerBody>, object>;
type ListContext = RouteContext<undefined, Static<typeof listServersQuery>>;
type ItemContext = RouteContext<undefined, object>;

export function findServer(stores: Stores, auth: AuthContext, id: string): Server {
  const found = auth.isAdmin
    ? stores.servers.list().find((s) => s.metadata.name === id)
    : auth.projectId
      ? stores.servers.get(id, projectNamespace(auth.projectId))
      : undefined;
  if (!found) throw notFound(`Instance ${id} could not be found.`);
  return found;
}

/** A flavor the caller may not see (a private one) is as unknown as a missing one, as in Nova. */
function checkFlavor(stores: Stores, auth: AuthContext, ref: string | number): Flavor {
  const id = refId(ref);
  const flavor = lookupFlavor(stores.flavors, auth, id);
  if (!flavor) throw badRequest(`Flavor ${id} could not be found.`);
  if (flavor.spec.disabled) throw badRequest(`Flavor ${id} is disabled and cannot be used.`);
  return flavor;
}

/** Nova's _check_requested_image: the flavor must meet the image's minimum RAM and (a disk-sized flavor) its minimum disk. */
function checkFlavorFitsImage(flavor: Flavor, image: Image): void {
  if ((image.spec.minRamMiB ?? 0) > flavor.spec.ramMiB) throw badRequest("Flavor's memory is too small for requested image.");
  const disk = flavor.spec.diskGiB;
  const minDisk = image.spec.minDiskGiB ?? 0;
  if (disk > 0 && minDisk > disk) throw badRequest(`Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is ${disk * 1024 ** 3} bytes, minimum size is ${minDisk * 1024 ** 3} bytes.`);
}

function checkImage(stores: Stores, auth: AuthContext, body: ServerCreateRequest, boot: { fromVolume: boolean; flavor: Flavor }): void {
  const id = refId(body.imageRef);
  if (!id) {
    if (boot.fromVolume) return;
    throw badRequest('Missing imageRef attribute');
  }
  const image = lookupImage(stores.images, auth, id);
  if (!image) throw badRequest(`Image ${id} could not be found.`);
  if ((image.status?.status ?? 'queued') !== 'active') throw badRequest(`Image ${id} is not active.`);
  if (!boot.fromVolume) checkFlavorFitsImage(boot.flavor, image);
}

export function checkAccessIps(body: Pick<ServerCreateRequest, 'accessIPv4' | 'accessIPv6'>): void {
  if (body.accessIPv4 && !isIPv4(body.accessIPv4)) throw badRequest(`Invalid input for field/attribute accessIPv4. Value: ${body.accessIPv4} is not a valid IPv4 address.`);
  if (body.accessIPv6 && (!isIPv6(body.accessIPv6) || body.accessIPv6.includes('%'))) throw badRequest(`Invalid input for field/attribute accessIPv6. Value: ${body.accessIPv6} is not a valid IPv6 address.`);
}

/** The named keypair's public key, which Nova copies into the instance (a later delete of the keypair leaves it). */
function keyData(stores: Stores, auth: AuthContext, body: ServerCreateRequest): Partial<Server['spec']> {
  if (body.key_name === undefined || body.key_name === null) return {};
  const kp = lookupKeypair(stores, auth.userId, body.key_name);
  if (!kp) throw badRequest('Invalid key_name provided.');
  return { keyData: kp.spec.publicKey };
}

const withSpec = (s: Server, extra: Partial<Server['spec']>): Server => ({ ...s, spec: { ...s.spec, ...extra } });

/** The `group` scheduler hint: a server group of the caller's project (Nova's 400 otherwise), with its policy. */
function serverGroupHint(stores: Stores, auth: AuthContext, body: CreateContext['body']): Partial<Server['spec']> {
  const hints = body['os:scheduler_hints'] ?? body['OS-SCH-HNT:scheduler_hints'];
  const group: unknown = hints?.group;
  if (group === undefined) return {};
  const id: unknown = Array.isArray(group) ? (group as unknown[])[0] : group;
  if (typeof id !== 'string' || !/^[0-9a-fA-F-]{32,36}$/.test(id)) throw badRequest(`Invalid input for field/attribute group. Value: ${JSON.stringify(group)} is not a 'uuid'`);
  const found = auth.projectId ? stores.serverGroups.get(id, projectNamespace(auth.projectId)) : undefined;
  if (!found) throw badRequest(`Invalid server group: Instance group ${id} could not be found.`);
  return { serverGroup: { id, policy: found.spec.policy } };
}

/** How many servers one request may ask for is the instance quota's business (quota-sets.admission.ts). */
function counts(body: ServerCreateRequest): { min: number; max: number } {
  const min = parseCount(body.min_count, 1);
  const max = parseCount(body.max_count, min);
  if (min > max) throw badRequest(`min_count (${min}) must be <= max_count (${max}).`);
  // Multiple create names servers <name>-<n>: that name must still fit.
  if (max > 1 && `${body.name}-${max}`.length > 255) throw badRequest(`Server name is too long to append -${max} for multiple create.`);
  return { min, max };
}

/** All or nothing: if one of several servers cannot be created, the ones made (and their ports) are removed. */
async function createAll(stores: Stores, auth: AuthContext, servers: Server[], plan: NetworkPlan): Promise<Server[]> {
  const created: Server[] = [];
  const attached: PortRef[][] = [];
  try {
    for (const s of servers) {
      const ports = await attachPorts(stores, auth, plan, s);
      attached.push(ports);
      created.push(await createOne(stores, ports.length ? { ...s, spec: { ...s.spec, ports } } : s));
    }
    return created;
  } catch (err) {
    await Promise.all(created.map((s) => stores.servers.delete(s.metadata.name, s.metadata.namespace).catch(() => undefined)));
    for (const ports of attached) await releaseServerPorts(stores, ports).catch(() => undefined);
    throw err;
  }
}

async function createOne(stores: Stores, server: Server): Promise<Server> {
  try {
    return await stores.servers.create(server);
  } catch (err) {
    // The namespace is missing: the operator has not realized the project yet.
    if (isNotFound(err)) throw projectNotReady(server.spec.projectId);
    throw err;
  }
}

/** The server's volumes, or no server: a failure deletes it (and its ports) again. */
async function withBlockDevices(stores: Stores, auth: AuthContext, server: Server, devices: PlannedDevice[]): Promise<void> {
  try {
    await realizeBlockDevices(stores, auth, server, devices);
  } catch (err) {
    await stores.servers.delete(server.metadata.name, server.metadata.namespace).catch(() => undefined);
    await releaseServerPorts(stores, server.spec.ports ?? []).catch(() => undefined);
    throw err;
  }
}

/**
 * Claims the servers' quota before any is written (as many as fit, from min_count up), creates
 * them, and gives the claims back when the creation fails: nothing is left half-done.
 */
async function createAdmitted(stores: Stores, quotas: QuotaAdmission, ctx: CreateContext, make: { count: { min: number; max: number }; flavor: Flavor; build: (ids: string[]) => Server[]; plan: NetworkPlan }): Promise<Server[]> {
  const projectId = requireProject(ctx.auth);
  const amounts = serverAmounts(make.flavor.spec, serverGroupHint(stores, ctx.auth, ctx.body).serverGroup?.id);
  const ids = Array.from({ length: await roomFor(stores, projectId, amounts, make.count) }, () => randomUUID());
  const admitted = await admitServers(quotas, { projectId, userId: ctx.auth.userId, ids, amounts, ...make.count });
  try {
    return await createAll(stores, ctx.auth, make.build(admitted), make.plan);
  } catch (err) {
    await releaseServers(quotas, projectId, admitted).catch(() => undefined);
    throw err;
  }
}

export function createServerHandler(stores: Stores, quotas: QuotaAdmission) {
  return async (ctx: CreateContext): Promise<RouteResult> => {
    const projectId = requireProject(ctx.auth);
    const body = ctx.body.server;
    checkCreateVersion(body, ctx.microversion);
    refuseRequestedDestination(body, ctx.auth, stores.nodes.list());
    const flavor = checkFlavor(stores, ctx.auth, body.flavorRef);
    const count = counts(body);
    const { max } = count;
    const devices = planBlockDevices(stores, ctx.auth, body, max);
    checkMultiattach(devices.flatMap((d) => (d.existing ? [d.existing] : [])), ctx.microversion);
    checkImage(stores, ctx.auth, body, { fromVolume: bootsFromVolume(devices), flavor });
    const extras = { ...keyData(stores, ctx.auth, body), ...serverGroupHint(stores, ctx.auth, ctx.body) };
    checkAccessIps(body);
    checkMetadataQuota(stores, projectId, Object.keys(body.metadata ?? {}).length);
    const plan = planNetworks(stores, ctx.auth, body, max);
    const reservationId = `r-${randomBytes(4).toString('hex')}`;
    const who = (id: string, launchIndex: number, of: number): ServerIdentity => ({ projectId, userId: ctx.auth.userId, id, name: of > 1 ? `${body.name}-${launchIndex + 1}` : body.name, reservationId, launchIndex });
    const build = (ids: string[]): Server[] => ids.map((id, i) => withSpec(toServerResource(who(id, i, ids.length), body), extras));
    const created = await createAdmitted(stores, quotas, ctx, { count, flavor, build, plan });
    if (devices.length) await withBlockDevices(stores, ctx.auth, created[0], devices).catch(async (err: unknown) => {
      await releaseServers(quotas, projectId, [created[0].metadata.name]).catch(() => undefined);
      throw err;
    });
    for (const server of created) await recordAction(stores, ctx, server, 'create');
    if (body.return_reservation_id === true || body.return_reservation_id === 'True') {
      return { body: { reservation_id: reservationId } };
    }
    const view = serverCreatedView(ctx.baseUrl, created[0], body.adminPass ?? randomBytes(9).toString('base64url'));
    return { body: view, headers: { Location: serverLinks(ctx.baseUrl, created[0].metadata.name)[0].href } };
  };
}

/** The servers a list starts from: the caller's project, or every project for all_tenants. */
function serversInScope(stores: Stores, ctx: ListContext): Server[] {
  const scope = listScope(ctx.query, ctx.auth);
  if (scope.allProjects) return stores.servers.list();
  if (!scope.projectId) throw new ApiError(403, 'A project-scoped token is required for this request.');
  return stores.servers.list(projectNamespace(scope.projectId));
}

function listServers(stores: Stores, path: string, view: (ctx: ListContext, s: Server) => object) {
  return async (ctx: ListContext): Promise<RouteResult> => {
    checkListQuery(ctx.query, ctx.microversion);
    const page = runListQuery(serverListSpec(ctx.microversion), serversInScope(stores, ctx), ctx.query, ctx.auth);
    const links = nextPageLinks(ctx.baseUrl, path, page.nextMarker && nextQuery(ctx.query, page.nextMarker));
    return { body: { servers: page.items.map((s) => view(ctx, s)), ...(links ? { servers_links: links } : {}) } };
  };
}

export function listServersHandler(stores: Stores): (ctx: ListContext) => Promise<RouteResult> {
  return listServers(stores, 'servers', (ctx, s) => serverSummaryView(ctx.baseUrl, s));
}

export function listServersDetailHandler(stores: Stores): (ctx: ListContext) => Promise<RouteResult> {
  return listServers(stores, 'servers/detail', (ctx, s) => versionedServerView(stores, ctx.baseUrl, s, { microversion: ctx.microversion, isAdmin: ctx.auth.isAdmin, kind: 'detail' }));
}

export function showServerHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    return { body: { server: versionedServerView(stores, ctx.baseUrl, server, { microversion: ctx.microversion, isAdmin: ctx.auth.isAdmin, kind: 'show' }) } };
  };
}

export function deleteServerHandler(stores: Stores, quotas: QuotaAdmission) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    checkUnlocked(server, ctx.auth);
    await stores.servers.delete(server.metadata.name, server.metadata.namespace);
    // The delete is accepted: the server's instance, cores and RAM are free again, as in Nova.
    await releaseServers(quotas, server.spec.projectId, [server.metadata.name]);
    await recordAction(stores, ctx, server, 'delete');
    // Nova deallocates the network at delete: ports it made go, the user's are unbound and kept.
    await releaseServerPorts(stores, server.spec.ports ?? []);
    // ...and detaches its volumes, deleting those attached with delete_on_termination...
    await releaseServerVolumes(stores, server);
    // ...and, for a shelved server, deletes the image shelve kept.
    if (server.spec.shelvedImageId) await stores.images.delete(server.spec.shelvedImageId).catch(() => undefined);
    return {};
  };
}
