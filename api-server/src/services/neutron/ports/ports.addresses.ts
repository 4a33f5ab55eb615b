// A port's addresses: which subnets its fixed IPs come from (Neutron's rules for fixed_ips with a
// subnet, an address, both, or neither), their atomic allocation, the MAC address, and undoing
// every claim when something later fails, so nothing is left half-allocated.
import { randomBytes } from 'node:crypto';
import type { Network, Port, Subnet } from '../../../../../crds/types.generated.js';
import { Resources } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { allocateAny, claim, claimAddress, release, type Holder } from '../ipam/allocator.js';
import { contains, formatAddress, parseAddress, parseCidr, type Address } from '../ipam/addresses.js';
import { neutronBadRequest, neutronConflict } from '../neutron.errors.js';
import { claimOf, withNetworkClaims, type NetworkClaim } from '../quotas/quotas.admission.js';

export interface FixedIpRequest {
  subnet_id?: string;
  ip_address?: string;
}

export interface FixedIp {
  subnetId: string;
  ipAddress: string;
}

export interface Wanted {
  subnet: Subnet;
  address?: string;
}

const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
/** OpenStack's base MAC prefix (fa:16:3e), as Neutron's base_mac default. */
const BASE_MAC = 'fa:16:3e';
const MAX_MAC_TRIES = 16;

function subnetsOf(stores: Stores, net: Network): Subnet[] {
  return stores.subnets.list().filter((s) => s.spec.networkId === net.metadata.name).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

function requestedAddress(req: FixedIpRequest): Address | undefined {
  if (req.ip_address === undefined) return undefined;
  const address = parseAddress(req.ip_address);
  if (!address) throw neutronBadRequest(`Invalid input for operation: '${req.ip_address}' is not a valid IP address.`);
  return address;
}

function findSubnetFor(subnets: Subnet[], net: Network, req: FixedIpRequest, address: Address | undefined): Subnet {
  const subnet = req.subnet_id
    ? subnets.find((s) => s.metadata.name === req.subnet_id)
    : subnets.find((s) => address && contains(parseCidr(s.spec.cidr)!.cidr, address));
  if (subnet) return subnet;
  if (req.subnet_id) throw neutronBadRequest(`Invalid input for operation: Failed to create port on network ${net.metadata.name}, because fixed_ips included invalid subnet ${req.subnet_id}.`);
  throw neutronBadRequest(`Invalid input for operation: IP address ${req.ip_address} is not a valid IP for any of the subnets on the specified network.`);
}

function subnetFor(subnets: Subnet[], net: Network, req: FixedIpRequest, allowGateway: boolean): Wanted {
  const address = requestedAddress(req);
  const subnet = findSubnetFor(subnets, net, req, address);
  if (address && !contains(parseCidr(subnet.spec.cidr)!.cidr, address)) throw neutronBadRequest(`Invalid input for operation: IP address ${req.ip_address} is not a valid IP for the specified subnet.`);
  if (address && !allowGateway && subnet.spec.gatewayIp === formatAddress(address)) {
    throw neutronConflict('IpAddressAlreadyAllocated', `IP address ${req.ip_address} already allocated in subnet ${subnet.metadata.name}`);
  }
  return { subnet, ...(address ? { address: formatAddress(address) } : {}) };
}

/**
 * What to allocate: the requested fixed IPs, or, without any, one address from the network's
 * first subnet of each version. Only a router's interface may take a subnet's gateway address.
 */
export function wantedAddresses(stores: Stores, net: Network, requested: FixedIpRequest[] | undefined, allowGateway = false): Wanted[] {
  const subnets = subnetsOf(stores, net);
  if (requested !== undefined) return requested.map((r) => subnetFor(subnets, net, r, allowGateway));
  const v4 = subnets.find((s) => s.spec.ipVersion === 4);
  const v6 = subnets.find((s) => s.spec.ipVersion === 6);
  return [v4, v6].filter((s): s is Subnet => s !== undefined).map((subnet) => ({ subnet }));
}

/** Claims every wanted address, in order; on any failure the ones claimed are released and the error rethrown. */
export async function allocateFixedIps(stores: Stores, wanted: Wanted[], holder: Holder): Promise<FixedIp[]> {
  const done: FixedIp[] = [];
  try {
    for (const w of wanted) {
      if (w.address) await claimAddress(stores.addressAllocations, w.subnet, w.address, holder);
      const ipAddress = w.address ?? (await allocateAny(stores.addressAllocations, w.subnet, holder));
      done.push({ subnetId: w.subnet.metadata.name, ipAddress });
    }
    return done;
  } catch (err) {
    await releaseFixedIps(stores, done);
    throw err;
  }
}

export async function releaseFixedIps(stores: Stores, ips: FixedIp[]): Promise<void> {
  await Promise.all(ips.map((ip) => release(stores.addressAllocations, { type: 'ip', pool: ip.subnetId, address: ip.ipAddress }).catch(() => undefined)));
}

function randomMac(): string {
  return `${BASE_MAC}:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
}

/** The port's MAC, unique on its network: the one asked for (409 MacAddressInUse if taken), or a generated one. */
export async function allocateMac(stores: Stores, net: Network, asked: string | undefined, holder: Holder): Promise<string> {
  if (asked !== undefined) {
    const mac = asked.toLowerCase();
    if (!MAC_PATTERN.test(mac)) throw neutronBadRequest(`Invalid input for operation: '${asked}' is not a valid MAC address.`);
    if (!(await claim(stores.addressAllocations, { type: 'mac', pool: net.metadata.name, address: mac }, holder))) {
      throw neutronConflict('MacAddressInUse', `Unable to complete operation for network ${net.metadata.name}. The mac address ${mac} is in use.`);
    }
    return mac;
  }
  for (let i = 0; i < MAX_MAC_TRIES; i++) {
    const mac = randomMac();
    if (await claim(stores.addressAllocations, { type: 'mac', pool: net.metadata.name, address: mac }, holder)) return mac;
  }
  throw neutronConflict('MacAddressGenerationFailure', `Unable to generate unique mac on network ${net.metadata.name}.`);
}

export async function releaseMac(stores: Stores, networkId: string, mac: string): Promise<void> {
  await release(stores.addressAllocations, { type: 'mac', pool: networkId, address: mac }).catch(() => undefined);
}

/** The quota claim a port of a project holds (a port owned by no project holds none). */
export const portClaim = (port: Port): NetworkClaim => claimOf(Resources.Port, port.metadata.name, 'port');

/**
 * Claims the port against its project's quota, then its MAC (the one asked for, or a generated
 * one) and its wanted fixed IPs, then creates the Port; if anything fails, every claim made is
 * released before the error goes on.
 */
export async function createPortWithAddresses(stores: Stores, net: Network, port: Port, addresses: { wanted: Wanted[]; mac?: string }): Promise<Port> {
  return withNetworkClaims(stores, port.spec.projectId, [portClaim(port)], () => createWithAddresses(stores, net, port, addresses));
}

async function createWithAddresses(stores: Stores, net: Network, port: Port, addresses: { wanted: Wanted[]; mac?: string }): Promise<Port> {
  const { wanted, mac: askedMac } = addresses;
  const holder = { portId: port.metadata.name, portNamespace: port.metadata.namespace ?? '' };
  const mac = await allocateMac(stores, net, askedMac, holder);
  let ips: FixedIp[] = [];
  try {
    ips = await allocateFixedIps(stores, wanted, holder);
    return await stores.ports.create({ ...port, spec: { ...port.spec, macAddress: mac, fixedIps: ips } });
  } catch (err) {
    await releaseFixedIps(stores, ips);
    await releaseMac(stores, net.metadata.name, mac);
    throw err;
  }
}
