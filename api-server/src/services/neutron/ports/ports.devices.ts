// Ports for Nova: the ports a server is booted with. Nova asks Neutron for them with the caller's
// token, so Neutron's rules (visibility, IPAM, default security group) apply exactly as for
// POST /v2.0/ports; created ports name the server as their device and go with it, a port the user
// passed in is bound to the server and unbound again, never deleted.
import type { Network, Port } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { neutronConflict } from '../neutron.errors.js';
import { ensureDefaultGroup } from '../security-groups/security-groups.access.js';
import { findOwnPort } from './ports.access.js';
import { createPortWithAddresses, wantedAddresses } from './ports.addresses.js';
import { deletePort } from './ports.handlers.js';
import { newPortId, toPortResource } from './ports.mapper.js';

export interface DevicePortRequest {
  network: Network;
  /** The fixed IPs wanted (subnet and/or address); none: one from the network's first subnet. */
  fixedIps?: { subnet_id?: string; ip_address?: string }[];
  /** The owning project; '' for a router's gateway port, which belongs to no tenant, as in Neutron. */
  projectId: string;
  /** Where the port lives: the device's namespace. */
  namespace?: string;
  deviceId: string;
  deviceOwner?: string;
  /** Security group ids; undefined means the project's default group. */
  securityGroups?: string[];
}

export const COMPUTE_OWNER = 'compute:nova';

/** A new port for a server, with its addresses claimed atomically; nothing is left if it fails. */
export async function createDevicePort(stores: Stores, req: DevicePortRequest): Promise<Port> {
  const owner = req.deviceOwner ?? COMPUTE_OWNER;
  const isRouter = owner.startsWith('network:');
  const groups = req.securityGroups ?? (isRouter ? [] : [(await ensureDefaultGroup(stores, req.projectId)).metadata.name]);
  const made = toPortResource(newPortId(), req.projectId, {
    name: '', networkId: req.network.metadata.name, macAddress: '', deviceId: req.deviceId, deviceOwner: owner,
    portSecurityEnabled: isRouter ? false : (req.network.spec.portSecurityEnabled ?? true), securityGroups: groups,
  }, new Date());
  const port = { ...made, metadata: { ...made.metadata, namespace: req.namespace ?? made.metadata.namespace } };
  return createPortWithAddresses(stores, req.network, port, { wanted: wantedAddresses(stores, req.network, req.fixedIps, isRouter) });
}

/** The user's port, checked free and bound to the server: a port in use is Nova's 409. */
export async function bindPort(stores: Stores, auth: AuthContext, portId: string, deviceId: string): Promise<Port> {
  const port = findOwnPort(stores, auth, portId, 'update_port');
  if (port.spec.deviceId) throw neutronConflict('PortInUse', `Port ${portId} is still in use.`);
  const bound = await stores.ports.update(port.metadata.name, port.metadata.namespace, (cur) => {
    if (cur.spec.deviceId) throw neutronConflict('PortInUse', `Port ${portId} is still in use.`);
    return { ...cur, spec: { ...cur.spec, deviceId, deviceOwner: COMPUTE_OWNER, updatedAt: new Date().toISOString() } };
  });
  return bound ?? port;
}

/** Lets go of a server's ports: created ones are deleted, the user's are unbound. */
export async function releaseServerPorts(stores: Stores, ports: readonly { id: string; created: boolean }[]): Promise<void> {
  for (const ref of ports) {
    const port = stores.ports.list().find((p) => p.metadata.name === ref.id);
    if (!port) continue;
    if (ref.created) await deletePort(stores, port);
    else await stores.ports.update(port.metadata.name, port.metadata.namespace, (cur) => ({ ...cur, spec: { ...cur.spec, deviceId: '', deviceOwner: '', updatedAt: new Date().toISOString() } }));
  }
}
