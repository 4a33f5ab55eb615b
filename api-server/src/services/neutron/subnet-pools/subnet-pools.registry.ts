// The pool as the serialization point for the subnets allocated from it: each one's CIDR is
// recorded in an annotation on the SubnetPool, written by a read-modify-write under the
// resourceVersion precondition, so two API server replicas can never hand out overlapping CIDRs
// from one pool (the loser of a race re-reads and picks again). A subnet that names its CIDR must
// lie inside the pool's prefixes; one that names a prefix length gets the first free CIDR of that
// size, found by jumping over the CIDRs already taken.
import type { SubnetPool } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { formatCidr, lastAddress, overlaps, parseCidr, type Cidr } from '../ipam/addresses.js';
import { readCidrMap, withCidrMap } from '../ipam/cidr-map.js';
import { neutronBadRequest, neutronConflict, neutronNotFound } from '../neutron.errors.js';
import { BITS } from './subnet-pools.rules.js';

export const ALLOCATIONS_ANNOTATION = 'openstack.sim/allocations';

/** Subnet id → CIDR, as recorded on the pool. */
export function poolAllocations(pool: SubnetPool): Record<string, string> {
  return readCidrMap(pool, ALLOCATIONS_ANNOTATION);
}

function withAllocations(pool: SubnetPool, allocations: Record<string, string>): SubnetPool {
  return withCidrMap(pool, ALLOCATIONS_ANNOTATION, allocations);
}

const taken = (pool: SubnetPool): Cidr[] => Object.values(poolAllocations(pool)).map((c) => parseCidr(c)!.cidr);
const prefixesOf = (pool: SubnetPool): Cidr[] => pool.spec.prefixes.map((p) => parseCidr(p)!.cidr);

/** The first CIDR of the given length inside the prefixes that overlaps nothing taken. */
function firstFree(prefixes: Cidr[], used: Cidr[], prefixlen: number): Cidr | undefined {
  for (const prefix of prefixes) {
    if (prefixlen < prefix.prefix) continue;
    const size = 1n << BigInt(BITS[prefix.version] - prefixlen);
    const end = lastAddress(prefix);
    let start = prefix.network;
    while (start + size - 1n <= end) {
      const candidate: Cidr = { version: prefix.version, network: start, prefix: prefixlen };
      const clash = used.find((u) => overlaps(u, candidate));
      if (!clash) return candidate;
      // Jump past the clashing CIDR, to the next boundary of the size wanted.
      const after = lastAddress(clash) + 1n;
      start = after > start ? ((after + size - 1n) / size) * size : start + size;
    }
  }
  return undefined;
}

export interface PoolRequest {
  cidr?: Cidr;
  prefixlen?: number;
}

function checkPrefixlen(pool: SubnetPool, prefixlen: number): void {
  const { minPrefixlen, maxPrefixlen } = pool.spec;
  if (prefixlen < minPrefixlen || prefixlen > maxPrefixlen) {
    throw neutronBadRequest(`Illegal prefix bounds: prefixlen=${prefixlen}, min_prefixlen=${minPrefixlen}, max_prefixlen=${maxPrefixlen}.`);
  }
}

/** Chooses (or checks) the subnet's CIDR in the pool and records it; returns it. */
function choose(pool: SubnetPool, want: PoolRequest): Cidr {
  if (want.cidr) {
    const cidr = want.cidr;
    checkPrefixlen(pool, cidr.prefix);
    if (!prefixesOf(pool).some((p) => overlaps(p, cidr) && cidr.prefix >= p.prefix)) {
      throw neutronBadRequest(`Cidr ${formatCidr(cidr)} is not within any prefix of subnetpool ${pool.metadata.name}.`);
    }
    if (taken(pool).some((t) => overlaps(t, cidr))) throw neutronBadRequest(`Cidr ${formatCidr(cidr)} overlaps a subnet already allocated from subnetpool ${pool.metadata.name}.`);
    return cidr;
  }
  const prefixlen = want.prefixlen ?? pool.spec.defaultPrefixlen;
  checkPrefixlen(pool, prefixlen);
  const free = firstFree(prefixesOf(pool), taken(pool), prefixlen);
  if (!free) throw neutronConflict('SubnetAllocationError', `Failed to allocate subnet: Insufficient prefix space to allocate subnet size /${prefixlen}.`);
  return free;
}

export async function allocateFromPool(stores: Stores, pool: SubnetPool, subnetId: string, want: PoolRequest): Promise<Cidr> {
  let chosen: Cidr | undefined;
  const updated = await stores.subnetPools.update(pool.metadata.name, pool.metadata.namespace, (cur) => {
    chosen = choose(cur, want);
    return withAllocations(cur, { ...poolAllocations(cur), [subnetId]: formatCidr(chosen) });
  });
  if (!updated || !chosen) throw neutronNotFound('SubnetPoolNotFound', `Subnet pool ${pool.metadata.name} could not be found.`);
  return chosen;
}

export async function releaseFromPool(stores: Stores, poolId: string, subnetId: string): Promise<void> {
  const pool = stores.subnetPools.list().find((p) => p.metadata.name === poolId);
  if (!pool) return;
  await stores.subnetPools.update(pool.metadata.name, pool.metadata.namespace, (cur) => {
    const allocations = { ...poolAllocations(cur) };
    if (!(subnetId in allocations)) return undefined;
    delete allocations[subnetId];
    return withAllocations(cur, allocations);
  });
}
