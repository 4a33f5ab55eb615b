// What os-quota-sets, os-quota-class-sets and /limits show at each microversion, and how a
// project's (or a user's) limits and usage are read from its compute Quota object.
import type { Quota } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { projectLimit, userLimit, type Limits } from '../../../quota/quota.defaults.js';
import { usageOf } from '../../../quota/quota.ledger.js';
import { defaultLimits } from '../../../quota/quota.limits.js';
import { at } from '../microversion.js';
import { NOVA_QUOTA_RESOURCES, type NovaQuotaResource } from './quota-sets.schema.js';

/** nova-network's resources: never counted, still shown (with Nova's defaults) below 2.36. */
export const NETWORK_RESOURCES: readonly NovaQuotaResource[] = ['floating_ips', 'fixed_ips', 'security_groups', 'security_group_rules'];
export const INJECTED_FILE_RESOURCES: readonly NovaQuotaResource[] = ['injected_files', 'injected_file_content_bytes', 'injected_file_path_bytes'];
const SERVER_GROUP_RESOURCES: readonly NovaQuotaResource[] = ['server_groups', 'server_group_members'];
const NETWORK_DEFAULTS: Limits = { floating_ips: 10, fixed_ips: -1, security_groups: 10, security_group_rules: 20 };

/** The resources os-quota-sets shows at the microversion. */
export function quotaSetResources(mv: string | undefined): NovaQuotaResource[] {
  return NOVA_QUOTA_RESOURCES.filter((r) => !(at(mv, 'QUOTA_NETWORK_REMOVED') && NETWORK_RESOURCES.includes(r)) && !(at(mv, 'QUOTA_INJECTED_FILES_REMOVED') && INJECTED_FILE_RESOURCES.includes(r)));
}

/** os-quota-class-sets: without the server group resources until 2.50, which drops the network ones. */
export function quotaClassResources(mv: string | undefined): NovaQuotaResource[] {
  const groups = at(mv, 'QUOTA_CLASS_SERVER_GROUPS');
  return NOVA_QUOTA_RESOURCES.filter((r) => (groups ? !NETWORK_RESOURCES.includes(r) : !SERVER_GROUP_RESOURCES.includes(r)) && !(at(mv, 'QUOTA_INJECTED_FILES_REMOVED') && INJECTED_FILE_RESOURCES.includes(r)));
}

/** Nova's defaults for every resource it shows: the "default" quota class over the built-in ones. */
export function novaDefaults(stores: Pick<Stores, 'quotaClasses'>): Limits {
  return { ...NETWORK_DEFAULTS, ...defaultLimits(stores, 'compute') };
}

/** The limits in force: the user's own (else the project's) with a user, the project's without. */
export function limitsOf(quota: Quota | undefined, defaults: Limits, userId?: string): Limits {
  return Object.fromEntries(NOVA_QUOTA_RESOURCES.map((r) => [r, userId === undefined ? projectLimit(quota, defaults, r) : userLimit(quota, defaults, r, userId)]));
}

/**
 * What is in use, as Nova's detail counts it: instances, cores, ram and server groups from the
 * ledger's claims (the user's only, with a user); key pairs are a user's, so 0 for a project;
 * members are counted per group and metadata per server, so 0 here, as in Nova.
 */
export function inUseOf(stores: Pick<Stores, 'keypairs'>, quota: Quota | undefined, userId?: string): Limits {
  const used = usageOf(quota, userId);
  const keyPairs = userId === undefined ? 0 : stores.keypairs.list().filter((kp) => kp.spec.userId === userId).length;
  return Object.fromEntries(NOVA_QUOTA_RESOURCES.map((r) => [r, r === 'key_pairs' ? keyPairs : (used[r] ?? 0)]));
}

/** {quota_set: {id?, <resource>: limit}} for the resources shown. */
export function quotaSetView(id: string | undefined, limits: Limits, shown: readonly string[]): { quota_set: Record<string, number | string> } {
  return { quota_set: { ...(id !== undefined ? { id } : {}), ...Object.fromEntries(shown.map((r) => [r, limits[r]])) } };
}

/** {quota_set: {id, <resource>: {in_use, limit, reserved: 0}}}: nothing is reserved in a counting quota. */
export function quotaSetDetailView(id: string, limits: Limits, inUse: Limits, shown: readonly string[]): { quota_set: Record<string, string | { in_use: number; limit: number; reserved: number }> } {
  return { quota_set: { id, ...Object.fromEntries(shown.map((r) => [r, { in_use: inUse[r] ?? 0, limit: limits[r], reserved: 0 }])) } };
}
