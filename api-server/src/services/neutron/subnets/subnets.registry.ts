// The network as the serialization point for its subnets: every subnet's CIDR is recorded in an
// annotation on its Network, written by a read-modify-write under the resourceVersion
// precondition. Two API server replicas creating overlapping subnets at once cannot both pass:
// the second write conflicts, re-reads, and its overlap check then sees the first subnet.
import type { Network } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { formatCidr, type Cidr } from '../ipam/addresses.js';
import { readCidrMap, withCidrMap } from '../ipam/cidr-map.js';
import { neutronNotFound } from '../neutron.errors.js';
import { checkNoOverlap } from './subnets.validation.js';

export const SUBNETS_ANNOTATION = 'openstack.sim/subnets';

/** Subnet id → CIDR, as recorded on the network. */
export function subnetCidrs(net: Network): Record<string, string> {
  return readCidrMap(net, SUBNETS_ANNOTATION);
}

export function subnetIdsOf(net: Network): string[] {
  return Object.keys(subnetCidrs(net)).sort();
}

function withCidrs(net: Network, cidrs: Record<string, string>): Network {
  return withCidrMap(net, SUBNETS_ANNOTATION, cidrs);
}

/** Records the subnet on its network, refusing (400) a CIDR that overlaps one already there. */
export async function registerSubnet(stores: Stores, net: Network, subnetId: string, cidr: Cidr): Promise<void> {
  const updated = await stores.networks.update(net.metadata.name, net.metadata.namespace, (cur) => {
    const cidrs = subnetCidrs(cur);
    checkNoOverlap(cidr, cur.metadata.name, Object.values(cidrs));
    return withCidrs(cur, { ...cidrs, [subnetId]: formatCidr(cidr) });
  });
  if (!updated) throw neutronNotFound('NetworkNotFound', `Network ${net.metadata.name} could not be found.`);
}

export async function unregisterSubnet(stores: Stores, networkId: string, subnetId: string): Promise<void> {
  const net = stores.networks.list().find((n) => n.metadata.name === networkId);
  if (!net) return;
  await stores.networks.update(net.metadata.name, net.metadata.namespace, (cur) => {
    const cidrs = { ...subnetCidrs(cur) };
    delete cidrs[subnetId];
    return withCidrs(cur, cidrs);
  });
}
