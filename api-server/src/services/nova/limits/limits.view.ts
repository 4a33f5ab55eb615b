// Nova's /limits body: the absolute limits (the project's quotas) and what the project uses, by
// Nova's legacy names; rate limits are gone from Nova (always []).
import type { Limits } from '../../../quota/quota.defaults.js';
import { at } from '../microversion.js';

/** Nova's absolute limit names, each from a quota (max*) or a usage (total*Used). */
const ABSOLUTE: readonly { name: string; limit?: string; used?: string }[] = [
  { name: 'maxImageMeta', limit: 'metadata_items' },
  { name: 'maxPersonality', limit: 'injected_files' },
  { name: 'maxPersonalitySize', limit: 'injected_file_content_bytes' },
  { name: 'maxSecurityGroupRules', limit: 'security_group_rules' },
  { name: 'maxSecurityGroups', limit: 'security_groups' },
  { name: 'maxServerMeta', limit: 'metadata_items' },
  { name: 'maxTotalCores', limit: 'cores' },
  { name: 'maxTotalFloatingIps', limit: 'floating_ips' },
  { name: 'maxTotalInstances', limit: 'instances' },
  { name: 'maxTotalKeypairs', limit: 'key_pairs' },
  { name: 'maxTotalRAMSize', limit: 'ram' },
  { name: 'maxServerGroups', limit: 'server_groups' },
  { name: 'maxServerGroupMembers', limit: 'server_group_members' },
  { name: 'totalCoresUsed', used: 'cores' },
  { name: 'totalInstancesUsed', used: 'instances' },
  { name: 'totalRAMUsed', used: 'ram' },
  { name: 'totalSecurityGroupsUsed', used: 'security_groups' },
  { name: 'totalFloatingIpsUsed', used: 'floating_ips' },
  { name: 'totalServerGroupsUsed', used: 'server_groups' },
];

const NETWORK_NAMES = ['maxSecurityGroupRules', 'maxSecurityGroups', 'maxTotalFloatingIps', 'totalFloatingIpsUsed', 'totalSecurityGroupsUsed'];

/** The names a microversion shows: 2.36 drops the network ones, 2.39 maxImageMeta, 2.57 the personality ones. */
function shown(name: string, mv: string | undefined): boolean {
  if (at(mv, 'QUOTA_NETWORK_REMOVED') && NETWORK_NAMES.includes(name)) return false;
  if (at(mv, 'LIMITS_IMAGE_META_REMOVED') && name === 'maxImageMeta') return false;
  return !(at(mv, 'QUOTA_INJECTED_FILES_REMOVED') && name.startsWith('maxPersonality'));
}

export function limitsView(limits: Limits, inUse: Limits, mv: string | undefined): { limits: { absolute: Record<string, number>; rate: never[] } } {
  const absolute = Object.fromEntries(ABSOLUTE.filter((a) => shown(a.name, mv)).map((a) => [a.name, a.limit !== undefined ? limits[a.limit] : (inUse[a.used ?? ''] ?? 0)]));
  return { limits: { absolute, rate: [] } };
}
