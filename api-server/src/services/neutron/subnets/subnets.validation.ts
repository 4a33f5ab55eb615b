// A subnet request checked as Neutron checks it (neutron_lib's validators and the IPAM driver's
// pool rules), producing the addresses in canonical form. Pure: the caller supplies the CIDRs of
// the network's other subnets.
import type { SubnetSpec } from '../../../../../crds/types.generated.js';
import { ApiError } from '../../../common/errors.js';
import { contains, formatAddress, formatCidr, overlaps, parseAddress, parseCidr, usableRange, type Address, type Cidr, type IpVersion } from '../ipam/addresses.js';
import { neutronBadRequest } from '../neutron.errors.js';

/** Neutron's max_dns_nameservers and max_subnet_host_routes defaults. */
export const MAX_DNS_NAMESERVERS = 5;
export const MAX_HOST_ROUTES = 20;

type Pool = { start: string; end: string };
type Route = { destination: string; nexthop: string };

const invalid = (msg: string): ApiError => neutronBadRequest(`Invalid input for operation: ${msg}`);

export function checkCidr(text: string, version: IpVersion): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw invalid(`'${text}' is not a valid IP subnet.`);
  if (parsed.cidr.version !== version) throw invalid(`Requested subnet with cidr: ${text} is not an IPv${version} subnet (ip_version ${version}).`);
  if (parsed.hostBitsSet) throw invalid(`'${text}' isn't a recommended CIDR, '${formatCidr(parsed.cidr)}' is recommended.`);
  if (version === 4 && parsed.cidr.prefix === 0) throw invalid(`${text} is not a valid subnet: 0.0.0.0/0 cannot hold ports.`);
  return parsed.cidr;
}

export function checkNoOverlap(cidr: Cidr, networkId: string, others: readonly string[]): void {
  const clash = others.find((o) => {
    const c = parseCidr(o)?.cidr;
    return c !== undefined && overlaps(c, cidr);
  });
  if (clash) throw invalid(`Requested subnet with cidr: ${formatCidr(cidr)} for network: ${networkId} overlaps with another subnet.`);
}

function address(text: string, version: IpVersion, what: string): Address {
  const a = parseAddress(text);
  if (!a || a.version !== version) throw invalid(`'${text}' is not a valid IPv${version} address for ${what}.`);
  return a;
}

const fmt = (version: IpVersion, value: bigint): string => formatAddress({ version, value });

/** The gateway: the first usable address when absent, none when null, else a valid address of the subnet's version. */
export function gatewayOf(cidr: Cidr, given: string | null | undefined): string | null {
  if (given === null) return null;
  if (given === undefined || given === '') return fmt(cidr.version, usableRange(cidr).first);
  const gw = address(given, cidr.version, 'gateway_ip');
  const { first, last } = usableRange(cidr);
  if (contains(cidr, gw) && (gw.value < first || gw.value > last)) throw invalid(`Gateway IP ${given} is the network or broadcast address of ${formatCidr(cidr)}.`);
  return fmt(cidr.version, gw.value);
}

/** Neutron's default pools: the usable range with the gateway cut out. */
function defaultPools(cidr: Cidr, gateway: string | null): Pool[] {
  const { first, last } = usableRange(cidr);
  const gw = gateway === null ? undefined : parseAddress(gateway)?.value;
  if (gw === undefined || gw < first || gw > last) return [{ start: fmt(cidr.version, first), end: fmt(cidr.version, last) }];
  const pools: Pool[] = [];
  if (gw > first) pools.push({ start: fmt(cidr.version, first), end: fmt(cidr.version, gw - 1n) });
  if (gw < last) pools.push({ start: fmt(cidr.version, gw + 1n), end: fmt(cidr.version, last) });
  return pools;
}

function checkPools(cidr: Cidr, pools: Pool[], gateway: string | null): Pool[] {
  const ranges = pools.map((p) => {
    const [s, e] = [address(p.start, cidr.version, 'allocation_pools'), address(p.end, cidr.version, 'allocation_pools')];
    if (s.value > e.value) throw invalid(`The allocation pool ${p.start}-${p.end} has its start after its end.`);
    if (!contains(cidr, s) || !contains(cidr, e)) throw neutronBadRequest(`The allocation pool ${p.start}-${p.end} spans beyond the subnet cidr ${formatCidr(cidr)}.`);
    return { s: s.value, e: e.value, p };
  });
  ranges.sort((a, b) => (a.s < b.s ? -1 : 1));
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].s <= ranges[i - 1].e) throw neutronBadRequest(`Found overlapping allocation pools: ${ranges[i - 1].p.start}-${ranges[i - 1].p.end} and ${ranges[i].p.start}-${ranges[i].p.end} for subnet ${formatCidr(cidr)}.`);
  }
  const gw = gateway === null ? undefined : parseAddress(gateway)!.value;
  const hit = gw === undefined ? undefined : ranges.find((r) => gw >= r.s && gw <= r.e);
  if (hit) throw new ApiError(409, `Gateway ip ${gateway} conflicts with allocation pool ${hit.p.start}-${hit.p.end}.`, {}, 'GatewayConflictWithAllocationPools');
  return ranges.map((r) => ({ start: fmt(cidr.version, r.s), end: fmt(cidr.version, r.e) }));
}

export function poolsOf(cidr: Cidr, given: Pool[] | undefined, gateway: string | null): Pool[] {
  return given === undefined ? defaultPools(cidr, gateway) : checkPools(cidr, given, gateway);
}

export function checkNameservers(version: IpVersion, servers: string[] | undefined): string[] {
  const list = servers ?? [];
  if (list.length > MAX_DNS_NAMESERVERS) throw neutronBadRequest(`Number of DNS nameservers exceeds the limit ${MAX_DNS_NAMESERVERS}.`);
  const canonical = list.map((s) => formatAddress(address(s, version, 'dns_nameservers')));
  if (new Set(canonical).size !== canonical.length) throw invalid(`Duplicate nameserver in dns_nameservers: ${list.join(', ')}.`);
  return canonical;
}

export function checkHostRoutes(version: IpVersion, routes: Route[] | undefined): Route[] {
  const list = routes ?? [];
  if (list.length > MAX_HOST_ROUTES) throw neutronBadRequest(`Number of host routes exceeds the limit ${MAX_HOST_ROUTES}.`);
  return list.map((r) => {
    const dest = parseCidr(r.destination);
    if (!dest || dest.cidr.version !== version || dest.hostBitsSet) throw invalid(`'${r.destination}' is not a valid destination for host_routes.`);
    return { destination: formatCidr(dest.cidr), nexthop: formatAddress(address(r.nexthop, version, 'host_routes')) };
  });
}

type Ipv6Modes = Pick<SubnetSpec, 'ipv6RaMode' | 'ipv6AddressMode'>;

export function checkIpv6Modes(version: IpVersion, ra: string | null | undefined, addr: string | null | undefined): Ipv6Modes {
  if (version === 4) {
    if (ra || addr) throw invalid('ipv6_ra_mode or ipv6_address_mode cannot be set when ip_version is 4.');
    return {};
  }
  if (ra && addr && ra !== addr) throw invalid(`ipv6_ra_mode set to '${ra}' with ipv6_address_mode set to '${addr}' is not valid. If both attributes are set, they must be the same value.`);
  return { ...(ra ? { ipv6RaMode: ra as Ipv6Modes['ipv6RaMode'] } : {}), ...(addr ? { ipv6AddressMode: addr as Ipv6Modes['ipv6AddressMode'] } : {}) };
}
