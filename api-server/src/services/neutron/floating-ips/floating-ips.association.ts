// Binding a floating IP to a port, with Neutron's checks: the port is the caller's, the fixed IP is
// one of its IPv4 addresses (named when it has several), and a router joins that address's subnet
// to the floating IP's external network (else 404 ExternalGatewayForFloatingIPNotFound). A fixed IP
// takes one floating IP at a time: the binding is an AddressAllocation named after the port and
// the fixed IP, so two concurrent associations cannot both win, whichever API replica serves them.
import type { FloatingIP, Port } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { claim, release, type Slot } from '../ipam/allocator.js';
import { parseAddress } from '../ipam/addresses.js';
import { neutronBadRequest, neutronConflict, neutronNotFound } from '../neutron.errors.js';
import { findOwnPort } from '../ports/ports.access.js';
import { interfacePorts } from '../routers/routers.access.js';
import { floatingIpsOfPort } from './floating-ips.access.js';

export interface Association {
  portId: string;
  fixedIpAddress: string;
  routerId: string;
}

export interface AssociationRequest {
  port_id?: string | null;
  fixed_ip_address?: string | null;
}

/** What a floating IP is, for the checks: its project, network, address and (once made) its ids. */
export interface FloatingIpFacts {
  id: string;
  projectId: string;
  floatingNetworkId: string;
  floatingIpAddress: string;
}

const isV4 = (ip: string): boolean => parseAddress(ip)?.version === 4;

function chooseFixedIp(port: Port, asked: string | null | undefined): { subnetId: string; ipAddress: string } {
  const fixed = port.spec.fixedIps ?? [];
  const id = port.metadata.name;
  if (asked) {
    const hit = fixed.find((f) => f.ipAddress === asked);
    if (!hit) throw neutronBadRequest(`Bad floatingip request: Port ${id} does not have fixed ip ${asked}.`);
    if (!isV4(asked)) throw neutronBadRequest(`Bad floatingip request: Cannot process floating IP association with ${asked}, since that is not an IPv4 address.`);
    return hit;
  }
  const v4 = fixed.filter((f) => isV4(f.ipAddress));
  if (!v4.length) throw neutronBadRequest(`Bad floatingip request: Cannot add floating IP to port ${id} that has no global IPv4 address.`);
  if (v4.length > 1) throw neutronBadRequest(`Bad floatingip request: Port ${id} has multiple fixed IPv4 addresses. Must provide a specific IPv4 address when assigning a floating IP.`);
  return v4[0];
}

/** A router with a gateway on the external network and an interface on the subnet, as Neutron's get_router_for_floatingip. */
function routerFor(stores: Stores, subnetId: string, externalNetworkId: string): string | undefined {
  const candidates = stores.routers.list().filter((r) => r.spec.externalGateway?.networkId === externalNetworkId).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return candidates.find((r) => interfacePorts(stores, r).some((p) => (p.spec.fixedIps ?? []).some((f) => f.subnetId === subnetId)))?.metadata.name;
}

/** Checks a requested association; nothing is claimed yet. */
export function planAssociation(stores: Stores, auth: AuthContext, fip: FloatingIpFacts, req: AssociationRequest & { port_id: string }): Association {
  const port = findOwnPort(stores, auth, req.port_id, 'update_floatingip');
  if (port.spec.projectId !== fip.projectId) {
    throw neutronBadRequest(`Bad floatingip request: Cannot create floating IP and bind it to Port ${port.metadata.name}, since that port is owned by a different tenant.`);
  }
  const fixed = chooseFixedIp(port, req.fixed_ip_address);
  const routerId = routerFor(stores, fixed.subnetId, fip.floatingNetworkId);
  if (!routerId) {
    throw neutronNotFound('ExternalGatewayForFloatingIPNotFound', `External network ${fip.floatingNetworkId} is not reachable from subnet ${fixed.subnetId}.  Therefore, cannot associate Port ${port.metadata.name} with a Floating IP.`);
  }
  return { portId: port.metadata.name, fixedIpAddress: fixed.ipAddress, routerId };
}

const bindingSlot = (a: Pick<Association, 'portId' | 'fixedIpAddress'>): Slot => ({ type: 'floating' as const, pool: a.portId, address: a.fixedIpAddress });

/** Takes the fixed IP for this floating IP: 409 FloatingIPPortAlreadyAssociated when another has it. */
export async function claimAssociation(stores: Stores, fip: FloatingIpFacts, a: Association, holder: { portId: string; portNamespace: string }): Promise<void> {
  if (await claim(stores.addressAllocations, bindingSlot(a), holder)) return;
  throw neutronConflict('FloatingIPPortAlreadyAssociated', `Cannot associate floating IP ${fip.floatingIpAddress} (${fip.id}) with port ${a.portId} using fixed IP ${a.fixedIpAddress}, as that fixed IP already has a floating IP on external network ${fip.floatingNetworkId}.`);
}

export async function releaseAssociation(stores: Stores, a: Pick<Association, 'portId' | 'fixedIpAddress'>): Promise<void> {
  await release(stores.addressAllocations, bindingSlot(a)).catch(() => undefined);
}

/** The association a floating IP has now, if any. */
export function currentAssociation(f: FloatingIP): Association | undefined {
  const { portId, fixedIpAddress, routerId } = f.spec;
  return portId && fixedIpAddress ? { portId, fixedIpAddress, routerId: routerId ?? '' } : undefined;
}

/** The floating IP with its association replaced (or removed with undefined). */
export function withAssociation(f: FloatingIP, a: Association | undefined): FloatingIP {
  const rest = { ...f.spec };
  delete rest.portId;
  delete rest.fixedIpAddress;
  delete rest.routerId;
  return { ...f, spec: { ...rest, ...(a ? { portId: a.portId, fixedIpAddress: a.fixedIpAddress, routerId: a.routerId } : {}), updatedAt: new Date().toISOString() } };
}

/** A deleted port takes its floating IPs' associations with it, as Neutron disassociates them. */
export async function disassociatePort(stores: Stores, portId: string): Promise<void> {
  for (const f of floatingIpsOfPort(stores, portId)) {
    const a = currentAssociation(f);
    await stores.floatingIPs.update(f.metadata.name, f.metadata.namespace, (cur) => (cur.spec.portId === portId ? withAssociation(cur, undefined) : undefined));
    if (a) await releaseAssociation(stores, a);
  }
}
