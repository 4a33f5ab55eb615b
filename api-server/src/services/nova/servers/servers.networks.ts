// Which Neutron ports a new server gets, as Nova's allocate_for_instance decides it: a network
// (optionally with a fixed IP) gets a new port, a port is bound as it is; without `networks` (or
// with "auto", 2.37), the project's only usable network (its own or a shared one), none if there is
// none ("auto": Nova's 400, as it cannot allocate one), and a 409 if there are several; "none",
// no port. Security groups named on the server apply to the ports it creates.
import type { Network, Port, SecurityGroup, Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { lookupNetwork, networkVisible } from '../../neutron/networks/networks.access.js';
import { bindPort, createDevicePort, releaseServerPorts } from '../../neutron/ports/ports.devices.js';
import { ensureDefaultGroup, securityGroupVisible } from '../../neutron/security-groups/security-groups.access.js';
import type { ServerCreateRequest } from './servers.schema.js';

type Entry = ({ network: Network; fixedIp?: string } | { portId: string }) & { tag?: string };
export type PortRef = NonNullable<Server['spec']['ports']>[number];

export interface NetworkPlan {
  entries: Entry[];
  /** Group names or ids from the request; undefined means the project's default group. */
  securityGroups?: string[];
}

/** Nova's choice when no network is named: the project's only usable one (none, or a 409 if several). */
export function autoNetwork(stores: Stores, auth: AuthContext): { network: Network }[] {
  const usable = stores.networks.list().filter((n) => networkVisible(n, auth) && !n.spec.external && (n.spec.projectId === auth.projectId || n.spec.shared));
  if (usable.length > 1) throw conflict('Multiple possible networks found, use a Network ID to be more specific.');
  return usable.map((network) => ({ network }));
}

type ListedNetwork = Exclude<ServerCreateRequest['networks'], string | undefined>[number];

/** "auto" (2.37): the project's only usable network, as without networks; with none, Nova would make one through Neutron's auto-allocated topology, which is not served. */
function autoAllocated(stores: Stores, auth: AuthContext): Entry[] {
  const found = autoNetwork(stores, auth);
  if (!found.length) throw badRequest(`Unable to automatically allocate a network for project ${auth.projectId ?? ''}`);
  return found;
}

function requestedEntries(stores: Stores, auth: AuthContext, networks: ServerCreateRequest['networks']): Entry[] {
  if (networks === undefined) return autoNetwork(stores, auth);
  if (networks === 'none') return [];
  if (networks === 'auto') return autoAllocated(stores, auth);
  // A network's device tag (2.32, 2.42) goes with its port.
  return networks.map((n) => ({ ...listedEntry(stores, auth, n), ...(n.tag ? { tag: n.tag } : {}) }));
}

function listedEntry(stores: Stores, auth: AuthContext, n: ListedNetwork): Entry {
  if (n.port) {
    const port = stores.ports.list().find((p) => p.metadata.name === n.port && (auth.isAdmin || p.spec.projectId === auth.projectId));
    if (!port) throw badRequest(`Port ${n.port} could not be found.`);
    return { portId: n.port };
  }
  const network = n.uuid ? lookupNetwork(stores.networks, auth, n.uuid) : undefined;
  if (!network) throw badRequest(`Network ${n.uuid ?? ''} could not be found.`);
  return { network, ...(n.fixed_ip ? { fixedIp: n.fixed_ip } : {}) };
}

export function planNetworks(stores: Stores, auth: AuthContext, body: ServerCreateRequest, count: number): NetworkPlan {
  const entries = requestedEntries(stores, auth, body.networks);
  if (count > 1 && entries.some((e) => 'portId' in e)) throw badRequest('Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.');
  const names = body.security_groups?.map((g) => g.name ?? 'default');
  return { entries, ...(names ? { securityGroups: names } : {}) };
}

/** The server's ports as the cache holds them, in the server's order (one not seen yet is left out). */
export function serverPorts(stores: Stores, server: Server): Port[] {
  return (server.spec.ports ?? []).map((ref) => stores.ports.get(ref.id, server.metadata.namespace)).filter((p): p is Port => p !== undefined);
}

/** A group of the project by id or name ("default" made on first use); undefined when there is none. */
export async function findProjectGroup(stores: Stores, auth: AuthContext, projectId: string, name: string): Promise<SecurityGroup | undefined> {
  if (name === 'default') return ensureDefaultGroup(stores, projectId);
  return stores.securityGroups.list().find((g) => securityGroupVisible(g, auth) && g.spec.projectId === projectId && (g.metadata.name === name || g.spec.name === name));
}

/** Group names or ids → ids, in the server's project ("default" is made on first use); undefined stays undefined. */
export async function groupIds(stores: Stores, auth: AuthContext, projectId: string, names: string[] | undefined): Promise<string[] | undefined> {
  if (!names) return undefined;
  const ids: string[] = [];
  for (const name of names) {
    const group = await findProjectGroup(stores, auth, projectId, name);
    if (!group) throw badRequest(`Security group ${name} not found for project ${projectId}.`);
    ids.push(group.metadata.name);
  }
  return [...new Set(ids)];
}

/** The server's ports, made or bound now; if one fails, those already made are let go again. */
export async function attachPorts(stores: Stores, auth: AuthContext, plan: NetworkPlan, server: Server): Promise<PortRef[]> {
  const projectId = server.spec.projectId;
  const securityGroups = await groupIds(stores, auth, projectId, plan.securityGroups);
  const refs: PortRef[] = [];
  try {
    for (const e of plan.entries) {
      const tag = e.tag ? { tag: e.tag } : {};
      if ('portId' in e) refs.push({ id: (await bindPort(stores, auth, e.portId, server.metadata.name)).metadata.name, created: false, ...tag });
      else refs.push({ id: (await createDevicePort(stores, { network: e.network, fixedIps: e.fixedIp ? [{ ip_address: e.fixedIp }] : undefined, projectId, deviceId: server.metadata.name, securityGroups })).metadata.name, created: true, ...tag });
    }
    return refs;
  } catch (err) {
    await releaseServerPorts(stores, refs).catch(() => undefined);
    throw err;
  }
}
