// What a server's Neutron ports say about it, as pure functions: its addresses (Nova's
// `addresses`, by network name, with each port's MAC; a floating IP bound to a fixed IP follows it
// with type floating, as Nova lists them) and the security groups its Pod is labelled with, so
// each group's NetworkPolicy selects it.
import type { FloatingIP, Network, Port, Server, ServerStatus } from '../../../../crds/types.generated.js';
import { securityGroupLabel } from '../../../../crds/naming.js';
import type { ObjectCache } from '../../runtime/objects.js';

type Addresses = NonNullable<ServerStatus['addresses']>;

export interface AttachedPorts {
  ports: Port[];
  /** Network id → name, for the networks those ports are on. */
  networkNames: Record<string, string>;
  /** The floating IPs associated with those ports. */
  floatingIps: FloatingIP[];
}

/** The server's ports as the caches hold them (a port not seen yet is left out until it is). */
export function attachedPorts(server: Server, ports: ObjectCache<Port>, networks: ObjectCache<Network>, floatingIps: ObjectCache<FloatingIP>): AttachedPorts | undefined {
  const refs = server.spec.ports ?? [];
  if (!refs.length) return undefined;
  const found = refs.map((r) => ports.get(r.id, server.metadata.namespace)).filter((p): p is Port => p !== undefined);
  const networkNames: Record<string, string> = {};
  for (const p of found) {
    const net = networks.list().find((n) => n.metadata.name === p.spec.networkId);
    networkNames[p.spec.networkId] = net?.spec.name || p.spec.networkId;
  }
  const ids = new Set(found.map((p) => p.metadata.name));
  const bound = floatingIps.list(server.metadata.namespace).filter((f) => f.spec.portId && ids.has(f.spec.portId));
  return { ports: found, networkNames, floatingIps: bound };
}

/** Nova's addresses from the ports, and the one-line summary kubectl prints ("private=10.0.0.5"). */
export function portAddresses(attached: AttachedPorts): Pick<ServerStatus, 'addresses' | 'networks'> {
  const addresses: Addresses = {};
  for (const p of attached.ports) {
    const name = attached.networkNames[p.spec.networkId] ?? p.spec.networkId;
    const list = (addresses[name] ??= []);
    for (const ip of p.spec.fixedIps ?? []) {
      list.push({ version: ip.ipAddress.includes(':') ? 6 : 4, addr: ip.ipAddress, type: 'fixed', macAddr: p.spec.macAddress });
      const floating = attached.floatingIps.filter((f) => f.spec.portId === p.metadata.name && f.spec.fixedIpAddress === ip.ipAddress);
      for (const f of floating) list.push({ version: 4, addr: f.spec.floatingIpAddress, type: 'floating', macAddr: p.spec.macAddress });
    }
  }
  const networks = Object.entries(addresses).map(([name, list]) => `${name}=${list.map((a) => a.addr).join(', ')}`).join('; ');
  return { addresses, ...(networks ? { networks } : {}) };
}

/** Every security group label starts so (see crds/naming.ts#securityGroupLabel). */
export const SECURITY_GROUP_LABEL_PREFIX = securityGroupLabel('');

/** One label per security group of the server's ports: what the groups' NetworkPolicies select. */
export function securityGroupLabels(attached: AttachedPorts | undefined): Record<string, string> {
  const groups = new Set((attached?.ports ?? []).flatMap((p) => p.spec.securityGroups ?? []));
  return Object.fromEntries([...groups].sort().map((g) => [securityGroupLabel(g), 'member']));
}
