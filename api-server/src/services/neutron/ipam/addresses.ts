// IP address arithmetic for subnets and IPAM: addresses as BigInt, so IPv4 and IPv6 share one code
// path. Parsing is strict (no zone ids, no leading zeros in IPv4 octets), as Neutron's netaddr-
// based validators are, and formatting is canonical (RFC 5952 for IPv6).
import { isIPv4, isIPv6 } from 'node:net';

export type IpVersion = 4 | 6;

export interface Address {
  version: IpVersion;
  value: bigint;
}

export interface Cidr {
  version: IpVersion;
  /** The network address (host bits zero). */
  network: bigint;
  prefix: number;
}

const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

function parseV6(text: string): bigint | undefined {
  if (!isIPv6(text) || text.includes('%')) return undefined;
  let s = text;
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two hextets.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseV4(v4[1]);
    if (n === undefined) return undefined;
    s = `${s.slice(0, -v4[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g || '0'}`), 0n);
}

export function parseAddress(text: string): Address | undefined {
  if (isIPv4(text)) {
    const value = parseV4(text);
    return value === undefined ? undefined : { version: 4, value };
  }
  const value = parseV6(text);
  return value === undefined ? undefined : { version: 6, value };
}

function formatV6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt((7 - i) * 16)) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j > i ? j : i + 1;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

export function formatAddress(a: Address): string {
  if (a.version === 6) return formatV6(a.value);
  return [24n, 16n, 8n, 0n].map((s) => String((a.value >> s) & 255n)).join('.');
}

/** A CIDR as written; `strict` refuses host bits (Neutron: "isn't a recommended CIDR"). */
export function parseCidr(text: string): { cidr: Cidr; hostBitsSet: boolean } | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const addr = parseAddress(m[1]);
  const prefix = Number(m[2]);
  if (!addr || prefix > BITS[addr.version]) return undefined;
  const network = addr.value & netmask(addr.version, prefix);
  return { cidr: { version: addr.version, network, prefix }, hostBitsSet: network !== addr.value };
}

function netmask(version: IpVersion, prefix: number): bigint {
  const bits = BigInt(BITS[version]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

export function formatCidr(c: Cidr): string {
  return `${formatAddress({ version: c.version, value: c.network })}/${c.prefix}`;
}

/** The last address of the CIDR (IPv4: its broadcast address). */
export function lastAddress(c: Cidr): bigint {
  return c.network | ((1n << BigInt(BITS[c.version] - c.prefix)) - 1n);
}

export function contains(c: Cidr, a: Address): boolean {
  return a.version === c.version && a.value >= c.network && a.value <= lastAddress(c);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/** Addresses a port may get: IPv4 leaves out the network and broadcast addresses, IPv6 the subnet-router anycast (first) one. */
export function usableRange(c: Cidr): { first: bigint; last: bigint } {
  const last = lastAddress(c);
  if (c.version === 4 && c.prefix >= 31) return { first: c.network, last };
  return { first: c.network + 1n, last: c.version === 4 ? last - 1n : last };
}
