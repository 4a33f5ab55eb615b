// A security group rule checked as Neutron checks it (securitygroups_db's _validate_* rules), and
// normalized so that two rules meaning the same thing compare equal (the duplicate check).
import type { SecurityGroupSpec } from '../../../../../crds/types.generated.js';
import { formatCidr, parseAddress, parseCidr } from '../ipam/addresses.js';
import { neutronBadRequest } from '../neutron.errors.js';

export type Rule = NonNullable<SecurityGroupSpec['rules']>[number];

export interface RuleRequest {
  direction: string;
  ethertype?: string;
  protocol?: string | number | null;
  port_range_min?: number | null;
  port_range_max?: number | null;
  remote_ip_prefix?: string | null;
  remote_group_id?: string | null;
  description?: string;
}

/** IANA numbers of the protocol names Neutron accepts. */
const PROTOCOLS: Record<string, number> = {
  ah: 51, dccp: 33, egp: 8, esp: 50, gre: 47, hopopt: 0, icmp: 1, igmp: 2, ipip: 4, ipv6encap: 41, ipv6frag: 44, ipv6icmp: 58,
  'ipv6-icmp': 58, icmpv6: 58, ipv6nonxt: 59, ipv6opts: 60, ipv6route: 43, ospf: 89, pgm: 113, rsvp: 46, sctp: 132, tcp: 6, udp: 17, udplite: 136, vrrp: 112,
};
/** Protocols with ports: TCP, UDP, SCTP, UDP-Lite (and DCCP). */
const WITH_PORTS = new Set([6, 17, 33, 132, 136]);
const ICMP = new Set([1, 58]);

const bad = (msg: string): Error => neutronBadRequest(msg);

/** The protocol as Neutron stores it (a name, or a number as a string); undefined for any. */
function normalizeProtocol(raw: RuleRequest['protocol']): { stored?: string; number?: number } {
  if (raw === undefined || raw === null || raw === '' || raw === 'any') return {};
  const text = String(raw).toLowerCase();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n > 255) throw bad(`Security group rule protocol ${String(raw)} not supported. Only protocol values [${Object.keys(PROTOCOLS).join(', ')}] and integer representations [0 to 255] are supported.`);
    return { stored: text, number: n };
  }
  if (!(text in PROTOCOLS)) throw bad(`Security group rule protocol ${String(raw)} not supported. Only protocol values [${Object.keys(PROTOCOLS).join(', ')}] and integer representations [0 to 255] are supported.`);
  return { stored: text, number: PROTOCOLS[text] };
}

function checkIcmp(min: number | undefined, max: number | undefined): void {
  if (min === undefined && max !== undefined) throw bad('ICMP code (port-range-max) is provided but ICMP type (port-range-min) is missing.');
  if (min !== undefined && (min < 0 || min > 255)) throw bad(`Invalid value for ICMP type (port-range-min): ${min}. It must be 0 to 255.`);
  if (max !== undefined && (max < 0 || max > 255)) throw bad(`Invalid value for ICMP code (port-range-max): ${max}. It must be 0 to 255.`);
}

function checkPortRange(protocol: number, min: number | undefined, max: number | undefined): void {
  if (!WITH_PORTS.has(protocol)) throw bad(`Invalid protocol ${protocol} for port range, only supported for TCP, UDP, UDPLITE, SCTP and DCCP.`);
  for (const v of [min, max]) if (v !== undefined && (v < 1 || v > 65535)) throw bad(`Invalid value for port ${v}.`);
  // A maximum without a minimum is a range that starts nowhere: Neutron words it the same way.
  if ((min === undefined && max !== undefined) || (min !== undefined && max !== undefined && min > max)) {
    throw bad('For TCP/UDP protocols, port_range_min must be <= port_range_max');
  }
}

function checkPorts(protocol: number | undefined, min: number | undefined, max: number | undefined): void {
  if (min === undefined && max === undefined) return;
  if (protocol === undefined) throw bad('Must also specify protocol if port range is given.');
  if (ICMP.has(protocol)) checkIcmp(min, max);
  else checkPortRange(protocol, min, max);
}

function normalizeRemote(req: RuleRequest, ethertype: 'IPv4' | 'IPv6'): Pick<Rule, 'remoteIpPrefix' | 'remoteGroupId'> {
  if (req.remote_ip_prefix && req.remote_group_id) throw bad('Only remote_ip_prefix or remote_group_id may be provided.');
  if (req.remote_group_id) return { remoteGroupId: req.remote_group_id };
  if (!req.remote_ip_prefix) return {};
  const text = req.remote_ip_prefix.includes('/') ? req.remote_ip_prefix : `${req.remote_ip_prefix}/${parseAddress(req.remote_ip_prefix)?.version === 6 ? 128 : 32}`;
  const parsed = parseCidr(text);
  if (!parsed) throw bad(`Invalid input for remote_ip_prefix. Reason: '${req.remote_ip_prefix}' is not a valid IP prefix.`);
  if ((parsed.cidr.version === 4 ? 'IPv4' : 'IPv6') !== ethertype) throw bad(`Conflicting value ethertype ${ethertype} for CIDR ${req.remote_ip_prefix}`);
  // Neutron keeps the prefix as given but compares (and realizes) its network form.
  return { remoteIpPrefix: formatCidr(parsed.cidr) };
}

/** The rule as stored, every field checked; id and createdAt are the caller's to add. */
function directionAndEthertype(req: RuleRequest): Pick<Rule, 'direction' | 'ethertype'> {
  if (req.direction !== 'ingress' && req.direction !== 'egress') throw bad(`Invalid input for direction. Reason: '${req.direction}' is not in ['ingress', 'egress'].`);
  const ethertype = req.ethertype ?? 'IPv4';
  if (ethertype !== 'IPv4' && ethertype !== 'IPv6') throw bad(`Invalid input for ethertype. Reason: '${ethertype}' is not in ['IPv4', 'IPv6'].`);
  return { direction: req.direction, ethertype };
}

/** The port range as stored: for TCP/UDP a lone minimum means that one port, as Neutron fills it in. */
function portRange(number: number | undefined, min: number | undefined, max: number | undefined): Pick<Rule, 'portRangeMin' | 'portRangeMax'> {
  checkPorts(number, min, max);
  const filled = max ?? (min !== undefined && number !== undefined && WITH_PORTS.has(number) ? min : undefined);
  return { ...(min !== undefined ? { portRangeMin: min } : {}), ...(filled !== undefined ? { portRangeMax: filled } : {}) };
}

export function normalizeRule(req: RuleRequest): Omit<Rule, 'id'> {
  const base = directionAndEthertype(req);
  const { stored, number } = normalizeProtocol(req.protocol);
  return {
    ...base,
    ...(stored !== undefined ? { protocol: stored } : {}),
    ...portRange(number, req.port_range_min ?? undefined, req.port_range_max ?? undefined),
    ...normalizeRemote(req, base.ethertype),
    ...(req.description ? { description: req.description } : {}),
  };
}

/** Two rules that allow the same traffic (description and ids aside): Neutron's duplicate. */
export function sameRule(a: Omit<Rule, 'id'>, b: Omit<Rule, 'id'>): boolean {
  const key = (r: Omit<Rule, 'id'>): string => {
    const proto = r.protocol === undefined ? '' : String(PROTOCOLS[r.protocol] ?? r.protocol);
    return [r.direction, r.ethertype, proto, r.portRangeMin ?? '', r.portRangeMax ?? '', r.remoteIpPrefix ?? '', r.remoteGroupId ?? ''].join('|');
  };
  return key(a) === key(b);
}
