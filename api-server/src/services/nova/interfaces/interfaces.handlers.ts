// os-interface: list, show, attach and detach a server's ports. Attaching makes a port on a network
// (or binds the user's port) and adds it to the server, whose operator then lists its addresses and
// labels its Pod; detaching deletes a port Nova made and unbinds the user's. Nova allows both only
// while the server runs or is stopped, paused or suspended: otherwise 409.
import { checkUnlocked } from '../server-actions/server-actions.lock.js';
import type { Static } from '@sinclair/typebox';
import type { Network, Port, Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, notFound } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { lookupNetwork } from '../../neutron/networks/networks.access.js';
import { bindPort, createDevicePort, releaseServerPorts } from '../../neutron/ports/ports.devices.js';
import { findServer } from '../servers/servers.handlers.js';
import { autoNetwork, groupIds, serverPorts, type PortRef } from '../servers/servers.networks.js';
import { refuseKeysOutsideVersion } from '../microversion.js';
import { ATTACH_INTERFACE_KEYS, type attachInterfaceBody } from './interfaces.schema.js';
import { interfaceView } from './interfaces.view.js';

type AttachRequest = Static<typeof attachInterfaceBody>['interfaceAttachment'];
type ItemContext = RouteContext<undefined, object>;

const ATTACHABLE = new Set(['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED']);

function checkState(server: Server, action: 'attach_interface' | 'detach_interface'): void {
  const status = server.status?.status ?? 'BUILD';
  if (!ATTACHABLE.has(status)) throw conflict(`Cannot '${action}' instance ${server.metadata.name} while it is in vm_state ${server.status?.vmState ?? 'building'}`);
}

function attachedPort(stores: Stores, server: Server, portId: string): { port: Port; ref: PortRef } {
  const ref = (server.spec.ports ?? []).find((r) => r.id === portId);
  const port = ref ? stores.ports.get(ref.id, server.metadata.namespace) : undefined;
  if (!ref || !port) throw notFound(`Port ${portId} is not attached`);
  return { port, ref };
}

function checkRequest(req: AttachRequest): void {
  if (req.port_id && req.net_id) throw badRequest('Must not input both network_id and port_id');
  if (req.fixed_ips && !req.net_id) throw badRequest('Must input network_id when request IP address');
}

/** The network named, or the project's only usable one. */
function networkFor(stores: Stores, auth: AuthContext, netId: string | undefined): Network {
  const network = netId ? lookupNetwork(stores.networks, auth, netId) : autoNetwork(stores, auth)[0]?.network;
  if (network) return network;
  throw netId ? notFound(`Network ${netId} could not be found.`) : badRequest('No network is available to attach an interface to.');
}

/** The port the request asks for: the user's own, bound now, or a new one on the network. */
async function portFor(stores: Stores, auth: AuthContext, server: Server, req: AttachRequest): Promise<PortRef> {
  checkRequest(req);
  if (req.port_id) return { id: (await bindPort(stores, auth, req.port_id, server.metadata.name)).metadata.name, created: false };
  const network = networkFor(stores, auth, req.net_id);
  const fixedIps = req.fixed_ips?.map((f) => ({ ip_address: f.ip_address }));
  // A new port gets the server's security groups, as Nova creates it with the instance's groups.
  const securityGroups = await groupIds(stores, auth, server.spec.projectId, server.spec.securityGroups?.length ? server.spec.securityGroups : undefined);
  const port = await createDevicePort(stores, { network, fixedIps, projectId: server.spec.projectId, namespace: server.metadata.namespace, deviceId: server.metadata.name, securityGroups });
  return { id: port.metadata.name, created: true };
}

export function listInterfacesHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const refOf = (id: string): PortRef | undefined => server.spec.ports?.find((r) => r.id === id);
    return { body: { interfaceAttachments: serverPorts(stores, server).map((p) => interfaceView(p, refOf(p.metadata.name), ctx.microversion)) } };
  };
}

export function showInterfaceHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const { port, ref } = attachedPort(stores, server, ctx.params.portId);
    return { body: { interfaceAttachment: interfaceView(port, ref, ctx.microversion) } };
  };
}

export function attachInterfaceHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof attachInterfaceBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.interfaceAttachment;
    refuseKeysOutsideVersion('interfaceAttachment', req, ctx.microversion, ATTACH_INTERFACE_KEYS);
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    checkUnlocked(server, ctx.auth);
    checkState(server, 'attach_interface');
    const port = await portFor(stores, ctx.auth, server, req);
    const ref = req.tag ? { ...port, tag: req.tag } : port;
    try {
      await stores.servers.update(server.metadata.name, server.metadata.namespace, (cur) => ({ ...cur, spec: { ...cur.spec, ports: [...(cur.spec.ports ?? []), ref] } }));
    } catch (err) {
      await releaseServerPorts(stores, [ref]).catch(() => undefined);
      throw err;
    }
    return { body: { interfaceAttachment: interfaceView(stores.ports.get(ref.id, server.metadata.namespace)!, ref, ctx.microversion) } };
  };
}

export function detachInterfaceHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    checkUnlocked(server, ctx.auth);
    checkState(server, 'detach_interface');
    const { ref } = attachedPort(stores, server, ctx.params.portId);
    await stores.servers.update(server.metadata.name, server.metadata.namespace, (cur) => ({ ...cur, spec: { ...cur.spec, ports: (cur.spec.ports ?? []).filter((r) => r.id !== ref.id) } }));
    await releaseServerPorts(stores, [ref]);
    return { status: 202 };
  };
}
