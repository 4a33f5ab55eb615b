// Atomic address allocation: an address is taken when its AddressAllocation object exists, and
// the object's name is derived from the pool and the address, so the apiserver's AlreadyExists is
// the lock (across API server replicas and concurrent requests alike). The cache only guides which
// candidates to try first; a stale cache costs a retry, never a double allocation.
import { createHash, randomInt } from 'node:crypto';
import type { AddressAllocation, Subnet } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import type { ResourceStore } from '../../../kube/store.js';
import { neutronConflict } from '../neutron.errors.js';
import { formatAddress, parseAddress } from './addresses.js';

export interface Holder {
  portId: string;
  portNamespace: string;
}

/** Up to this many addresses a pool is enumerated; larger (IPv6) pools are sampled at random. */
const ENUMERABLE = 65_536n;
/** How many sampled candidates one request tries in a pool too large to enumerate. */
const MAX_SAMPLES = 64;

export const POOL_LABEL = 'openstack.sim/pool';
export const PORT_LABEL = 'openstack.sim/port-id';

export type SlotType = 'ip' | 'mac' | 'floating';

/**
 * The object name, a valid DNS subdomain: `ip-<subnet>-<address in hex>`, `mac-<hash of
 * network>-<mac>`, or `fip-<port>-<fixed address in hex>` for a fixed IP a floating IP is bound to.
 */
export function allocationName(type: SlotType, pool: string, address: string): string {
  if (type === 'mac') return `mac-${createHash('sha256').update(pool).digest('hex').slice(0, 20)}-${address.replace(/:/g, '')}`;
  return `${type === 'floating' ? 'fip' : 'ip'}-${pool}-${parseAddress(address)!.value.toString(16)}`;
}

/** One address in one pool: an IP in a subnet, a MAC on a network, or a port's fixed IP a floating IP is bound to. */
export interface Slot {
  type: SlotType;
  pool: string;
  address: string;
}

function allocationObject({ type, pool, address }: Slot, holder: Holder): AddressAllocation {
  return {
    metadata: { name: allocationName(type, pool, address), labels: { [POOL_LABEL]: pool.slice(0, 63), [PORT_LABEL]: holder.portId } },
    spec: { type, pool, address, ...holder },
  };
}

/** Creates the allocation; false when the address is already someone's. */
export async function claim(store: ResourceStore<AddressAllocation>, slot: Slot, holder: Holder): Promise<boolean> {
  try {
    await store.create(allocationObject(slot, holder));
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

export async function release(store: ResourceStore<AddressAllocation>, { type, pool, address }: Slot): Promise<void> {
  await store.delete(allocationName(type, pool, address));
}

/** A specific address: 409 IpAddressAlreadyAllocated when it is taken. */
export async function claimAddress(store: ResourceStore<AddressAllocation>, subnet: Subnet, address: string, holder: Holder): Promise<void> {
  if (!(await claim(store, { type: 'ip', pool: subnet.metadata.name, address }, holder))) {
    throw neutronConflict('IpAddressAlreadyAllocated', `IP address ${address} already allocated in subnet ${subnet.metadata.name}`);
  }
}

type Range = { first: bigint; last: bigint };

function poolRanges(subnet: Subnet): Range[] {
  return (subnet.spec.allocationPools ?? []).map((p) => ({ first: parseAddress(p.start)!.value, last: parseAddress(p.end)!.value }));
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function free(r: Range, taken: Set<bigint>): bigint[] {
  const out: bigint[] = [];
  for (let v = r.first; v <= r.last; v++) if (!taken.has(v)) out.push(v);
  return out;
}

/** Candidates in random order, so concurrent requests spread over the free addresses instead of racing for the first. */
function candidates(ranges: Range[], taken: Set<bigint>): bigint[] {
  const size = ranges.reduce((n, r) => n + (r.last - r.first + 1n), 0n);
  if (size <= ENUMERABLE) return shuffled(ranges.flatMap((r) => free(r, taken)));
  const sample = new Set<bigint>();
  for (let i = 0; i < MAX_SAMPLES * 4 && sample.size < MAX_SAMPLES; i++) {
    const r = ranges[randomInt(ranges.length)];
    const span = r.last - r.first + 1n;
    const v = r.first + (BigInt(randomInt(2 ** 47)) * BigInt(randomInt(2 ** 47))) % span;
    if (!taken.has(v)) sample.add(v);
  }
  return [...sample];
}

/** Any free address of the subnet's pools: 409 IpAddressGenerationFailure when none is left. */
export async function allocateAny(store: ResourceStore<AddressAllocation>, subnet: Subnet, holder: Holder): Promise<string> {
  const version = subnet.spec.ipVersion;
  const pool = subnet.metadata.name;
  const taken = new Set(store.list().filter((a) => a.spec.type === 'ip' && a.spec.pool === pool).map((a) => parseAddress(a.spec.address)!.value));
  for (const value of candidates(poolRanges(subnet), taken)) {
    const address = formatAddress({ version, value });
    // The cache learns of other claims while this loop runs: skip those without a round trip.
    if (store.get(allocationName('ip', pool, address))) continue;
    if (await claim(store, { type: 'ip', pool, address }, holder)) return address;
  }
  throw neutronConflict('IpAddressGenerationFailure', `No more IP addresses available on network ${subnet.spec.networkId}.`);
}
