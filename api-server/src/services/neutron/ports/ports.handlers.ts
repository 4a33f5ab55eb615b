// Port handlers: the policy checks Neutron makes on a port's attributes, then the MAC and fixed
// IPs claimed atomically, then the Port; any failure after a claim releases it again.
import type { Static } from '@sinclair/typebox';
import type { Network, Port } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { parseAddress, parseCidr } from '../ipam/addresses.js';
import { checkRevision, expectedRevision, neutronBadRequest, neutronConflict, neutronNotFound, policyNotAuthorized, requestedProject, toBool } from '../neutron.errors.js';
import { pageLinks, showFields } from '../neutron.query.js';
import { releaseNetworkResources } from '../quotas/quotas.admission.js';
import { FLOATING_IP_OWNER } from '../floating-ips/floating-ips.access.js';
import { disassociatePort } from '../floating-ips/floating-ips.association.js';
import { findNetwork } from '../networks/networks.access.js';
import { ensureDefaultGroup, findSecurityGroup } from '../security-groups/security-groups.access.js';
import { findOwnPort, findPort, portVisible } from './ports.access.js';
import { allocateFixedIps, createPortWithAddresses, portClaim, releaseFixedIps, releaseMac, wantedAddresses, type FixedIp } from './ports.addresses.js';
import { newPortId, plainFields, toPortResource, type CreatePortRequest, type UpdatePortRequest } from './ports.mapper.js';
import { portListSpec } from './ports.query.js';
import type { createPortBody, listPortsQuery, updatePortBody } from './ports.schema.js';
import { portView } from './ports.view.js';

/** Neutron's defaults: binding:host_id and a chosen MAC are an admin's (or the network owner's, for the MAC). */
function checkPortPolicy(auth: AuthContext, net: Network | undefined, req: CreatePortRequest | UpdatePortRequest, action: string): void {
  if (auth.isAdmin) return;
  if (req['binding:host_id'] !== undefined) throw policyNotAuthorized(`${action}:binding:host_id`);
  if ('mac_address' in req && req.mac_address !== undefined && net?.spec.projectId !== auth.projectId) throw policyNotAuthorized(`${action}:mac_address`);
}

/**
 * The port's groups: those named (each must be the caller's to see), or, with port security on and
 * none named, the project's default group, as Neutron does; none at all without port security.
 */
async function portGroups(stores: Stores, auth: AuthContext, o: { projectId: string; ids: string[] | undefined; portSecurity: boolean }): Promise<string[]> {
  const { projectId, ids, portSecurity } = o;
  if (ids === undefined) return portSecurity ? [(await ensureDefaultGroup(stores, projectId)).metadata.name] : [];
  for (const id of ids) findSecurityGroup(stores, auth, id);
  if (ids.length && !portSecurity) {
    throw neutronConflict('PortSecurityAndIPRequiredForSecurityGroups', 'Port security must be enabled and port must have an IP address in order to use security groups.');
  }
  return [...new Set(ids)];
}

function checkAddressPairs(req: CreatePortRequest | UpdatePortRequest, portSecurity: boolean): void {
  for (const p of req.allowed_address_pairs ?? []) {
    const a = p.ip_address.includes('/') ? parseCidr(p.ip_address)?.cidr : parseAddress(p.ip_address);
    if (!a) throw neutronBadRequest(`Invalid input for operation: '${p.ip_address}' is not a valid IP address or CIDR.`);
  }
  if (req.allowed_address_pairs?.length && !portSecurity) {
    throw neutronConflict('AddressPairAndPortSecurityRequired', 'Port Security must be enabled in order to have allowed address pairs on a port.');
  }
}

async function createWithAddresses(stores: Stores, net: Network, port: Port, req: CreatePortRequest): Promise<Port> {
  try {
    return await createPortWithAddresses(stores, net, port, { wanted: wantedAddresses(stores, net, req.fixed_ips), mac: req.mac_address });
  } catch (err) {
    if (isNotFound(err)) throw projectNotReady(port.spec.projectId);
    throw err;
  }
}

async function createOnePort(stores: Stores, auth: AuthContext, req: CreatePortRequest): Promise<Port> {
  const net = findNetwork(stores.networks, auth, req.network_id);
  checkPortPolicy(auth, net, req, 'create_port');
  const portSecurity = toBool(req.port_security_enabled) ?? net.spec.portSecurityEnabled ?? true;
  checkAddressPairs(req, portSecurity);
  const projectId = requestedProject(requireProject(auth), auth.isAdmin, req);
  const securityGroups = await portGroups(stores, auth, { projectId, ids: req.security_groups, portSecurity });
  const spec = { name: '', ...plainFields(req), portSecurityEnabled: portSecurity, networkId: net.metadata.name, macAddress: '', securityGroups };
  return createWithAddresses(stores, net, toPortResource(newPortId(), projectId, spec, new Date()), req);
}

/** Neutron's bulk create: every port, or (when one fails) none: those made are deleted again. */
async function createPorts(stores: Stores, auth: AuthContext, reqs: CreatePortRequest[]): Promise<Port[]> {
  const made: Port[] = [];
  try {
    for (const req of reqs) made.push(await createOnePort(stores, auth, req));
    return made;
  } catch (err) {
    for (const p of made) await deletePort(stores, p).catch(() => undefined);
    throw err;
  }
}

export function createPortHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createPortBody>, object>): Promise<RouteResult> => {
    const body = ctx.body;
    if ('ports' in body) return { body: { ports: (await createPorts(stores, ctx.auth, body.ports)).map((p) => portView(p, ctx.auth.isAdmin)) } };
    return { body: { port: portView(await createOnePort(stores, ctx.auth, body.port), ctx.auth.isAdmin) } };
  };
}

export function listPortsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listPortsQuery>>): Promise<RouteResult> => {
    const visible = stores.ports.list().filter((p) => portVisible(p, ctx.auth));
    const page = runListQuery(portListSpec, visible, ctx.query, ctx.auth);
    const links = pageLinks(ctx.baseUrl, 'ports', ctx.query, page.nextMarker);
    return { body: { ports: page.items.map((p) => pickFields(portView(p, ctx.auth.isAdmin), page.fields)), ...links } };
  };
}

export function showPortHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listPortsQuery>>): Promise<RouteResult> => {
    const p = findPort(stores, ctx.auth, ctx.params.portId);
    return { body: { port: pickFields(portView(p, ctx.auth.isAdmin), showFields(ctx.query.fields)) } };
  };
}

/** New fixed IPs: kept where unchanged, claimed where new; the old ones are released once the port is written. */
async function reallocate(stores: Stores, p: Port, req: UpdatePortRequest): Promise<{ ips: FixedIp[]; added: FixedIp[]; removed: FixedIp[] } | undefined> {
  if (req.fixed_ips === undefined) return undefined;
  const net = stores.networks.list().find((n) => n.metadata.name === p.spec.networkId);
  if (!net) throw neutronNotFound('NetworkNotFound', `Network ${p.spec.networkId} could not be found.`);
  const current = p.spec.fixedIps ?? [];
  const same = (a: FixedIp, b: { subnet_id?: string; ip_address?: string }): boolean => a.ipAddress === b.ip_address && (!b.subnet_id || a.subnetId === b.subnet_id);
  const kept = current.filter((c) => req.fixed_ips!.some((r) => same(c, r)));
  const fresh = req.fixed_ips.filter((r) => !current.some((c) => same(c, r)));
  const added = await allocateFixedIps(stores, wantedAddresses(stores, net, fresh), { portId: p.metadata.name, portNamespace: p.metadata.namespace ?? '' });
  return { ips: [...kept, ...added], added, removed: current.filter((c) => !kept.includes(c)) };
}

/** The policy and port-security checks of an update; the new groups when the update names some. */
async function updatedGroups(stores: Stores, auth: AuthContext, p: Port, req: UpdatePortRequest): Promise<string[] | undefined> {
  checkPortPolicy(auth, undefined, req, 'update_port');
  const portSecurity = toBool(req.port_security_enabled) ?? p.spec.portSecurityEnabled ?? true;
  const pairs = req.allowed_address_pairs ?? (p.spec.allowedAddressPairs ?? []).map((a) => ({ ip_address: a.ipAddress }));
  checkAddressPairs({ allowed_address_pairs: pairs }, portSecurity);
  if (req.security_groups !== undefined) return portGroups(stores, auth, { projectId: p.spec.projectId, ids: req.security_groups, portSecurity });
  if (!portSecurity && (p.spec.securityGroups ?? []).length) {
    throw neutronConflict('PortSecurityPortHasSecurityGroup', 'Port has security group associated. Cannot disable port security or IP address until security group is removed.');
  }
  return undefined;
}

export function updatePortHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updatePortBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.port;
    const p = findOwnPort(stores, ctx.auth, ctx.params.portId, 'update_port');
    const groups = await updatedGroups(stores, ctx.auth, p, req);
    const expected = expectedRevision(ctx.req.get('If-Match'));
    checkRevision(expected, p.metadata.generation ?? 1);
    const moved = await reallocate(stores, p, req);
    try {
      const updated = await stores.ports.update(p.metadata.name, p.metadata.namespace, (cur) => {
        checkRevision(expected, cur.metadata.generation ?? 1);
        const spec = { ...cur.spec, ...plainFields(req), ...(moved ? { fixedIps: moved.ips } : {}), ...(groups ? { securityGroups: groups } : {}) };
        return { ...cur, spec: { ...spec, updatedAt: new Date().toISOString() } };
      });
      if (moved) await releaseFixedIps(stores, moved.removed);
      return { body: { port: portView(updated ?? p, ctx.auth.isAdmin) } };
    } catch (err) {
      if (moved) await releaseFixedIps(stores, moved.added);
      throw err;
    }
  };
}

/**
 * Deletes the port, frees its addresses, and disassociates the floating IPs bound to it (as Neutron
 * does). The port goes first, then its addresses (an address is never free while a port still
 * holds it), then its quota claim.
 */
export async function deletePort(stores: Stores, p: Port): Promise<void> {
  await stores.ports.delete(p.metadata.name, p.metadata.namespace);
  await disassociatePort(stores, p.metadata.name);
  await releaseFixedIps(stores, p.spec.fixedIps ?? []);
  await releaseMac(stores, p.spec.networkId, p.spec.macAddress);
  await releaseNetworkResources(stores, p.spec.projectId, [portClaim(p).key]);
}

export function deletePortHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const p = findOwnPort(stores, ctx.auth, ctx.params.portId, 'delete_port');
    checkRevision(expectedRevision(ctx.req.get('If-Match')), p.metadata.generation ?? 1);
    if (p.spec.deviceOwner?.startsWith('network:router') || p.spec.deviceOwner === FLOATING_IP_OWNER) {
      throw neutronConflict('PortInUse', `Port ${p.metadata.name} cannot be deleted directly via the port API: has device owner ${p.spec.deviceOwner}.`);
    }
    await deletePort(stores, p);
    return { status: 204 };
  };
}
