// A subnet pool's prefixes and prefix-length bounds, checked and made canonical as Neutron's
// SubnetPoolReader does: prefixes of one IP version, those inside another dropped; bounds with
// Neutron's defaults (min 8 for IPv4 and 64 for IPv6, max the address width, default the min) and
// min <= default <= max.
import { formatCidr, overlaps, parseCidr, type Cidr, type IpVersion } from '../ipam/addresses.js';
import { neutronBadRequest } from '../neutron.errors.js';

export const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };
const DEFAULT_MIN: Record<IpVersion, number> = { 4: 8, 6: 64 };

export interface PrefixBounds {
  minPrefixlen: number;
  maxPrefixlen: number;
  defaultPrefixlen: number;
}

const contained = (inner: Cidr, outer: Cidr): boolean => overlaps(inner, outer) && inner.prefix >= outer.prefix;

/** The prefixes, parsed, of one version, none inside another (sorted, canonical). */
export function checkPrefixes(texts: string[]): { version: IpVersion; prefixes: Cidr[] } {
  const cidrs = texts.map((t) => {
    const parsed = parseCidr(t);
    if (!parsed) throw neutronBadRequest(`Invalid input for prefixes. Reason: '${t}' is not a valid IP subnet.`);
    return parsed.cidr;
  });
  const version = cidrs[0].version;
  if (cidrs.some((c) => c.version !== version)) throw neutronBadRequest('Illegal subnetpool prefix: cannot mix IPv4 and IPv6 prefixes.');
  const kept = cidrs.filter((c, i) => !cidrs.some((o, j) => j !== i && contained(c, o) && (c.prefix !== o.prefix || j < i)));
  return { version, prefixes: kept.sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : 0)) };
}

export const prefixStrings = (cidrs: Cidr[]): string[] => cidrs.map(formatCidr);

function bound(name: string, value: number | string | undefined, fallback: number, bits: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > bits) throw neutronBadRequest(`Illegal prefix bounds: ${name}=${String(value)}, the address width is ${bits}.`);
  return n;
}

/** The bounds asked for (undefined keeps the current value, or Neutron's default). */
export function checkBounds(version: IpVersion, asked: { min?: number | string; max?: number | string; def?: number | string }, current?: PrefixBounds): PrefixBounds {
  const bits = BITS[version];
  const minPrefixlen = bound('min_prefixlen', asked.min, current?.minPrefixlen ?? DEFAULT_MIN[version], bits);
  const maxPrefixlen = bound('max_prefixlen', asked.max, current?.maxPrefixlen ?? bits, bits);
  const defaultPrefixlen = bound('default_prefixlen', asked.def, asked.min !== undefined && asked.def === undefined ? minPrefixlen : (current?.defaultPrefixlen ?? minPrefixlen), bits);
  if (!(minPrefixlen <= defaultPrefixlen && defaultPrefixlen <= maxPrefixlen)) {
    throw neutronBadRequest(`Illegal prefix bounds: min_prefixlen=${minPrefixlen}, default_prefixlen=${defaultPrefixlen}, max_prefixlen=${maxPrefixlen}.`);
  }
  return { minPrefixlen, maxPrefixlen, defaultPrefixlen };
}

/** An update may add prefixes, never take one away (Neutron: "Illegal update to prefixes"). */
export function checkPrefixesGrow(old: string[], next: Cidr[]): void {
  const lost = old.map((t) => parseCidr(t)!.cidr).find((o) => !next.some((n) => contained(o, n)));
  if (lost) throw neutronBadRequest(`Illegal update to prefixes: ${formatCidr(lost)} was removed; prefixes may only be added or extended.`);
}
