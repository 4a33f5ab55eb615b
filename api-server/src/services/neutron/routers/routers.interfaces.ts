// add_router_interface / remove_router_interface: by subnet (a new port holding the subnet's
// gateway address) or by port (the user's port, bound to the router). Removing one that is not
// there is a 404: Terraform's delete loops until it gets one.
import type { Port, Router, Subnet } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { overlaps, parseCidr } from '../ipam/addresses.js';
import { neutronBadRequest, neutronConflict, neutronNotFound } from '../neutron.errors.js';
import { floatingIpsViaRouter } from '../floating-ips/floating-ips.access.js';
import { findOwnPort } from '../ports/ports.access.js';
import { createDevicePort } from '../ports/ports.devices.js';
import { deletePort } from '../ports/ports.handlers.js';
import { findOwnSubnet } from '../subnets/subnets.access.js';
import { INTERFACE_OWNER, interfacePorts } from './routers.access.js';

export interface InterfaceRequest {
  subnet_id?: string;
  port_id?: string;
}

export function interfaceView(r: Router, port: Port): Record<string, unknown> {
  const subnetIds = (port.spec.fixedIps ?? []).map((f) => f.subnetId);
  return { id: r.metadata.name, tenant_id: r.spec.projectId, project_id: r.spec.projectId, port_id: port.metadata.name, subnet_id: subnetIds[0] ?? '', subnet_ids: subnetIds, network_id: port.spec.networkId };
}

function checkOne(req: InterfaceRequest): void {
  if (!req.subnet_id === !req.port_id) throw neutronBadRequest('Bad router request: Cannot specify both subnet-id and port-id, and one of them is required.');
}

/** A router joins distinct subnets: one already attached, or one whose CIDR overlaps an attached one's, is a 400. */
function checkNotAttached(stores: Stores, r: Router, subnetIds: string[]): void {
  const attached = interfacePorts(stores, r).flatMap((p) => (p.spec.fixedIps ?? []).map((f) => f.subnetId));
  const dup = subnetIds.find((s) => attached.includes(s));
  if (dup) throw neutronBadRequest(`Bad router request: Router already has a port on subnet ${dup}.`);
  const subnet = (id: string): Subnet | undefined => stores.subnets.list().find((s) => s.metadata.name === id);
  for (const id of subnetIds) {
    const mine = subnet(id);
    const clash = attached.map(subnet).find((other) => mine && other && overlaps(parseCidr(mine.spec.cidr)!.cidr, parseCidr(other.spec.cidr)!.cidr));
    if (mine && clash) {
      throw neutronBadRequest(`Bad router request: Cidr ${mine.spec.cidr} of subnet ${id} overlaps with cidr ${clash.spec.cidr} of subnet ${clash.metadata.name}.`);
    }
  }
}

async function bySubnet(stores: Stores, r: Router, subnet: Subnet): Promise<Port> {
  if (!subnet.spec.gatewayIp) throw neutronBadRequest(`Bad router request: Subnet ${subnet.metadata.name} does not have a gateway IP.`);
  checkNotAttached(stores, r, [subnet.metadata.name]);
  const net = stores.networks.list().find((n) => n.metadata.name === subnet.spec.networkId)!;
  return createDevicePort(stores, {
    network: net, fixedIps: [{ subnet_id: subnet.metadata.name, ip_address: subnet.spec.gatewayIp }], projectId: r.spec.projectId,
    namespace: r.metadata.namespace, deviceId: r.metadata.name, deviceOwner: INTERFACE_OWNER,
  });
}

async function byPort(stores: Stores, auth: AuthContext, r: Router, portId: string): Promise<Port> {
  const port = findOwnPort(stores, auth, portId, 'update_port');
  if (port.spec.deviceId) throw neutronConflict('PortInUse', `Unable to complete operation on port ${portId} for network ${port.spec.networkId}. Port already has an attached device ${port.spec.deviceId}.`);
  if (!(port.spec.fixedIps ?? []).length) throw neutronBadRequest(`Bad router request: Router port must have at least one fixed IP.`);
  checkNotAttached(stores, r, (port.spec.fixedIps ?? []).map((f) => f.subnetId));
  const bound = await stores.ports.update(port.metadata.name, port.metadata.namespace, (cur) => {
    if (cur.spec.deviceId) throw neutronConflict('PortInUse', `Port ${portId} is still in use.`);
    return { ...cur, spec: { ...cur.spec, deviceId: r.metadata.name, deviceOwner: INTERFACE_OWNER, updatedAt: new Date().toISOString() } };
  });
  return bound ?? port;
}

/** 409 RouterInterfaceInUseByFloatingIP while a floating IP reaches a fixed IP through this interface. */
function checkNoFloatingIpNeeds(stores: Stores, r: Router, iface: Port): void {
  const subnets = new Set((iface.spec.fixedIps ?? []).map((f) => f.subnetId));
  for (const fip of floatingIpsViaRouter(stores, r.metadata.name)) {
    const port = stores.ports.get(fip.spec.portId!, fip.metadata.namespace);
    const subnet = port?.spec.fixedIps?.find((f) => f.ipAddress === fip.spec.fixedIpAddress)?.subnetId;
    if (subnet && subnets.has(subnet)) {
      throw neutronConflict('RouterInterfaceInUseByFloatingIP', `Router interface for subnet ${subnet} on router ${r.metadata.name} cannot be deleted, as it is required by one or more floating IPs.`);
    }
  }
}

export async function addInterface(stores: Stores, auth: AuthContext, r: Router, req: InterfaceRequest): Promise<Port> {
  checkOne(req);
  if (req.port_id) return byPort(stores, auth, r, req.port_id);
  return bySubnet(stores, r, findOwnSubnet(stores, auth, req.subnet_id!, 'add_router_interface'));
}

/** The interface goes, and its port with it (as Neutron deletes the port either way). */
export async function removeInterface(stores: Stores, r: Router, req: InterfaceRequest): Promise<Port> {
  checkOne(req);
  const ports = interfacePorts(stores, r);
  const port = req.port_id ? ports.find((p) => p.metadata.name === req.port_id) : ports.find((p) => (p.spec.fixedIps ?? []).some((f) => f.subnetId === req.subnet_id));
  if (!port) {
    if (req.port_id) throw neutronNotFound('RouterInterfaceNotFound', `Router ${r.metadata.name} does not have an interface with id ${req.port_id}`);
    throw neutronNotFound('RouterInterfaceNotFoundForSubnet', `Router ${r.metadata.name} has no interface on subnet ${req.subnet_id}`);
  }
  checkNoFloatingIpNeeds(stores, r, port);
  await deletePort(stores, port);
  return port;
}
