// Neutron's quota admission: every network, subnet, subnet pool, port, router, floating IP,
// security group and security group rule of a project holds a claim of 1 in the project's
// `network` Quota ledger, taken before its CR is written and given back when the write fails or
// the resource is deleted. Over quota is Neutron's 409 OverQuota, naming the resources.
import { Resources } from '../../../../../crds/resources.js';
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { ApiError } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import { quotasOf } from '../../../quota/quota.binding.js';
import { neutronConflict } from '../neutron.errors.js';

/** The resources Neutron counts, in the order its quota API lists them. */
export const NETWORK_RESOURCES = ['network', 'subnet', 'subnetpool', 'port', 'router', 'floatingip', 'security_group', 'security_group_rule', 'rbac_policy'] as const;
export type NetworkResource = (typeof NETWORK_RESOURCES)[number];

/** One resource held by one claim key. */
export interface NetworkClaim {
  key: string;
  resource: NetworkResource;
}

type Kind = { plural: string };

/** `<CR plural>/<id>`: the key of the claim a CR holds. */
export const claimOf = (kind: Kind, id: string, resource: NetworkResource): NetworkClaim => ({ key: `${kind.plural}/${id}`, resource });

/** A rule lives inline in its group's CR: `securitygroups/<group id>/rules/<rule id>`. */
export const ruleClaim = (groupId: string, ruleId: string): NetworkClaim => ({ key: `${Resources.SecurityGroup.plural}/${groupId}/rules/${ruleId}`, resource: 'security_group_rule' });

/** A group's claims: the group's own and one per rule it holds (a new group's egress rules count, as in Neutron). */
export function securityGroupClaims(sg: SecurityGroup): NetworkClaim[] {
  return [claimOf(Resources.SecurityGroup, sg.metadata.name, 'security_group'), ...(sg.spec.rules ?? []).map((r) => ruleClaim(sg.metadata.name, r.id))];
}

/** Neutron's OverQuota: the resources as Python prints a sorted list of them. */
export function overQuota(resources: string[]): ApiError {
  const listed = [...new Set(resources)].sort().map((r) => `'${r}'`).join(', ');
  return neutronConflict('OverQuota', `Quota exceeded for resources: [${listed}].`);
}

export const isOverQuota = (err: unknown): boolean => err instanceof ApiError && err.type === 'OverQuota';

/**
 * Claims each, all or none: at the first refusal the claims already taken are given back and
 * the refusal is Neutron's OverQuota. Resources owned by no project (a router's gateway port, a
 * floating IP's address port) are Neutron's own and count against no quota.
 */
export async function claimNetworkResources(stores: Stores, projectId: string, claims: NetworkClaim[]): Promise<void> {
  if (!projectId) return;
  const quotas = quotasOf(stores);
  const taken: string[] = [];
  for (const { key, resource } of claims) {
    const overages = await quotas.claim(projectId, 'network', { key, resources: { [resource]: 1 } });
    if (overages.length) {
      await releaseNetworkResources(stores, projectId, taken);
      throw overQuota(overages.map((o) => o.resource));
    }
    taken.push(key);
  }
}

export async function releaseNetworkResources(stores: Stores, projectId: string, keys: string[]): Promise<void> {
  if (!projectId) return;
  const quotas = quotasOf(stores);
  for (const key of keys) await quotas.release(projectId, 'network', key);
}

/** Claims, then writes; the claims are given back if the write fails, so a refused create holds nothing. */
export async function withNetworkClaims<T>(stores: Stores, projectId: string, claims: NetworkClaim[], write: () => Promise<T>): Promise<T> {
  await claimNetworkResources(stores, projectId, claims);
  try {
    return await write();
  } catch (err) {
    await releaseNetworkResources(stores, projectId, claims.map((c) => c.key)).catch(() => undefined);
    throw err;
  }
}
