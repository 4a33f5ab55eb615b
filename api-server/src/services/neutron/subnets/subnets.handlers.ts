// Subnet handlers: validate the addressing, record the CIDR on the network (the atomic overlap
// check), then create the Subnet; undo the record if the create fails, so nothing is half-made.
import type { Static } from '@sinclair/typebox';
import type { Network, Subnet, SubnetSpec } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { Resources } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { formatCidr, parseCidr, type IpVersion } from '../ipam/addresses.js';
import { checkRevision, expectedRevision, neutronConflict, requireOwner, requestedProject, toBool } from '../neutron.errors.js';
import { pageLinks, showFields } from '../neutron.query.js';
import { claimOf, releaseNetworkResources, withNetworkClaims, type NetworkClaim } from '../quotas/quotas.admission.js';
import { findNetwork } from '../networks/networks.access.js';
import { findOwnSubnet, findSubnet, subnetVisible } from './subnets.access.js';
import { newSubnetId, plainChanges, toSubnetResource, type CreateSubnetRequest, type UpdateSubnetRequest } from './subnets.mapper.js';
import { subnetListSpec } from './subnets.query.js';
import { registerSubnet, unregisterSubnet } from './subnets.registry.js';
import type { createSubnetBody, listSubnetsQuery, updateSubnetBody } from './subnets.schema.js';
import { checkCidr, checkHostRoutes, checkIpv6Modes, checkNameservers, gatewayOf, poolsOf } from './subnets.validation.js';
import { subnetView } from './subnets.view.js';
import { subnetCidr } from './subnets.pools.js';
import { releaseFromPool } from '../subnet-pools/subnet-pools.registry.js';

/** Neutron's create_subnet policy: the network's owner or an admin (a shared network's users may not). */
function networkForSubnet(stores: Stores, auth: AuthContext, networkId: string): Network {
  const net = findNetwork(stores.networks, auth, networkId);
  requireOwner(auth, net.spec.projectId, 'create_subnet');
  return net;
}

/** The addressing of a new subnet, every field checked and canonical. */
function addressing(req: CreateSubnetRequest & { cidr: string }): Omit<SubnetSpec, 'name' | 'projectId' | 'networkId' | 'tags' | 'updatedAt'> {
  const version = Number(req.ip_version) as IpVersion;
  const cidr = checkCidr(req.cidr, version);
  const gatewayIp = gatewayOf(cidr, req.gateway_ip);
  return {
    ipVersion: version,
    cidr: formatCidr(cidr),
    gatewayIp,
    allocationPools: poolsOf(cidr, req.allocation_pools, gatewayIp),
    dnsNameservers: checkNameservers(version, req.dns_nameservers),
    hostRoutes: checkHostRoutes(version, req.host_routes),
    enableDhcp: toBool(req.enable_dhcp) ?? true,
    description: req.description ?? '',
    ...checkIpv6Modes(version, req.ipv6_ra_mode, req.ipv6_address_mode),
  };
}

const subnetClaim = (s: Subnet): NetworkClaim => claimOf(Resources.Subnet, s.metadata.name, 'subnet');

async function createRecorded(stores: Stores, net: Network, subnet: Subnet): Promise<Subnet> {
  return withNetworkClaims(stores, subnet.spec.projectId, [subnetClaim(subnet)], async () => {
    await registerSubnet(stores, net, subnet.metadata.name, parseCidr(subnet.spec.cidr)!.cidr);
    try {
      return await stores.subnets.create(subnet);
    } catch (err) {
      await unregisterSubnet(stores, net.metadata.name, subnet.metadata.name).catch(() => undefined);
      if (isNotFound(err)) throw projectNotReady(subnet.spec.projectId);
      throw err;
    }
  });
}

export function createSubnetHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createSubnetBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.subnet;
    const net = networkForSubnet(stores, ctx.auth, req.network_id);
    const projectId = requestedProject(requireProject(ctx.auth), ctx.auth.isAdmin, req);
    const id = newSubnetId();
    const { cidr, poolId } = await subnetCidr(stores, ctx.auth, req, id);
    try {
      const spec = { ...addressing({ ...req, cidr }), name: req.name ?? '', networkId: net.metadata.name, ...(poolId ? { subnetpoolId: poolId } : {}) };
      const created = await createRecorded(stores, net, toSubnetResource(id, projectId, spec, new Date()));
      return { body: { subnet: subnetView(created) } };
    } catch (err) {
      if (poolId) await releaseFromPool(stores, poolId, id).catch(() => undefined);
      throw err;
    }
  };
}

export function listSubnetsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listSubnetsQuery>>): Promise<RouteResult> => {
    const visible = stores.subnets.list().filter((s) => subnetVisible(stores, s, ctx.auth));
    const page = runListQuery(subnetListSpec, visible, ctx.query, ctx.auth);
    const links = pageLinks(ctx.baseUrl, 'subnets', ctx.query, page.nextMarker);
    return { body: { subnets: page.items.map((s) => pickFields(subnetView(s), page.fields)), ...links } };
  };
}

export function showSubnetHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listSubnetsQuery>>): Promise<RouteResult> => {
    const s = findSubnet(stores, ctx.auth, ctx.params.subnetId);
    return { body: { subnet: pickFields(subnetView(s), showFields(ctx.query.fields)) } };
  };
}

/** An update's addressing, re-checked against the subnet's CIDR as Neutron's update_subnet does. */
function addressChanges(s: Subnet, req: UpdateSubnetRequest): Partial<SubnetSpec> {
  const version = s.spec.ipVersion;
  const cidr = parseCidr(s.spec.cidr)!.cidr;
  const out: Partial<SubnetSpec> = {};
  const gateway = req.gateway_ip === undefined ? (s.spec.gatewayIp ?? null) : gatewayOf(cidr, req.gateway_ip);
  if (req.gateway_ip !== undefined) out.gatewayIp = gateway;
  if (req.allocation_pools !== undefined || req.gateway_ip !== undefined) out.allocationPools = poolsOf(cidr, req.allocation_pools ?? s.spec.allocationPools, gateway);
  if (req.dns_nameservers !== undefined) out.dnsNameservers = checkNameservers(version, req.dns_nameservers);
  if (req.host_routes !== undefined) out.hostRoutes = checkHostRoutes(version, req.host_routes);
  return out;
}

export function updateSubnetHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateSubnetBody>, object>): Promise<RouteResult> => {
    const s = findOwnSubnet(stores, ctx.auth, ctx.params.subnetId, 'update_subnet');
    const expected = expectedRevision(ctx.req.get('If-Match'));
    const changes = { ...plainChanges(ctx.body.subnet), ...addressChanges(s, ctx.body.subnet) };
    const updated = await stores.subnets.update(s.metadata.name, s.metadata.namespace, (cur) => {
      checkRevision(expected, cur.metadata.generation ?? 1);
      return { ...cur, spec: { ...cur.spec, ...changes, updatedAt: new Date().toISOString() } };
    });
    return { body: { subnet: subnetView(updated ?? s) } };
  };
}

export async function deleteSubnet(stores: Stores, s: Subnet): Promise<void> {
  await stores.subnets.delete(s.metadata.name, s.metadata.namespace);
  await unregisterSubnet(stores, s.spec.networkId, s.metadata.name);
  if (s.spec.subnetpoolId) await releaseFromPool(stores, s.spec.subnetpoolId, s.metadata.name);
  await releaseNetworkResources(stores, s.spec.projectId, [subnetClaim(s).key]);
}

export function deleteSubnetHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const s = findOwnSubnet(stores, ctx.auth, ctx.params.subnetId, 'delete_subnet');
    checkRevision(expectedRevision(ctx.req.get('If-Match')), s.metadata.generation ?? 1);
    if (stores.ports.list().some((p) => (p.spec.fixedIps ?? []).some((f) => f.subnetId === s.metadata.name))) {
      throw neutronConflict('SubnetInUse', `Unable to complete operation on subnet ${s.metadata.name}: One or more ports have an IP allocation from this subnet.`);
    }
    await deleteSubnet(stores, s);
    return { status: 204 };
  };
}
