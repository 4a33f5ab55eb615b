// What a claim is called and what it counts. A claim's key names its holder, so the operator's
// sweep can tell a claim whose holder never came to exist: `<CR plural>/<id>` for a custom
// resource (`servers/<id>`), `<parent plural>/<parent id>/<sub>/<sub id>` for what is not one.
// Resources counted per scope are named `<limit>:<scope>` (quota.defaults.ts#limitResource).
import type { ResourceType } from '../../../crds/resource-type.js';

/** The claim key of a custom resource holding quota. */
export function claimKey(res: ResourceType, id: string): string {
  return `${res.plural}/${id}`;
}

/** The key of something that is not a custom resource, held under its parent (swept with the parent). */
export function subClaimKey(parent: ResourceType, parentId: string, sub: string, subId: string): string {
  return `${parent.plural}/${parentId}/${sub}/${subId}`;
}

/** Nova's server_group_members, counted per group: each member's claim holds one of its group's. */
export function groupMembersResource(groupId: string): string {
  return `server_group_members:${groupId}`;
}

/** Nova's key_pairs, counted per user (a keypair is its user's, not a project's). */
export function keyPairsResource(userId: string): string {
  return `key_pairs:${userId}`;
}

/**
 * On a cluster-scoped holder (a Keypair): the project whose ledger holds its claim, so that its
 * delete releases the claim where it was made.
 */
export const QUOTA_PROJECT_ANNOTATION = 'openstack.sim/quota-project';
