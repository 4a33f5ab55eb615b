// Who sees which security group (an admin every one, anyone else their project's own), and the
// project's default group, created on first use as Neutron does. Its id is derived from the
// project (and its rules' ids from the group's), so two replicas creating it at once make one group
// and claim the same keys: the second gets AlreadyExists. The group and its four rules count against
// the project's quota, as Neutron counts them.
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { isAlreadyExists, isNotFound } from '../../../../../crds/client/client.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { neutronNotFound, requireOwner } from '../neutron.errors.js';
import { claimNetworkResources, releaseNetworkResources, securityGroupClaims } from '../quotas/quotas.admission.js';
import { DEFAULT_GROUP, defaultGroupId, defaultGroupRules, toSecurityGroupResource } from './security-groups.mapper.js';

export function securityGroupVisible(sg: SecurityGroup, auth: AuthContext): boolean {
  return auth.isAdmin || sg.spec.projectId === auth.projectId;
}

export function lookupSecurityGroup(stores: Stores, id: string): SecurityGroup | undefined {
  return stores.securityGroups.list().find((g) => g.metadata.name === id);
}

export function findSecurityGroup(stores: Stores, auth: AuthContext, id: string): SecurityGroup {
  const sg = lookupSecurityGroup(stores, id);
  if (!sg || !securityGroupVisible(sg, auth)) throw neutronNotFound('SecurityGroupNotFound', `Security group ${id} does not exist`);
  return sg;
}

export function findOwnSecurityGroup(stores: Stores, auth: AuthContext, id: string, action: string): SecurityGroup {
  const sg = findSecurityGroup(stores, auth, id);
  requireOwner(auth, sg.spec.projectId, action);
  return sg;
}

/** The project's default group, made now if it does not exist yet. */
export async function ensureDefaultGroup(stores: Stores, projectId: string): Promise<SecurityGroup> {
  const id = defaultGroupId(projectId);
  const cached = lookupSecurityGroup(stores, id);
  if (cached) return cached;
  const now = new Date();
  const group = toSecurityGroupResource({ id, projectId, name: DEFAULT_GROUP, description: 'Default security group', rules: defaultGroupRules(id, now) }, now);
  await claimNetworkResources(stores, projectId, securityGroupClaims(group));
  try {
    return await stores.securityGroups.create(group);
  } catch (err) {
    // Another request made the group first: every claim key (the group's and its rules', all
    // derived from the project) is that group's now, so nothing is given back.
    if (isAlreadyExists(err)) return lookupSecurityGroup(stores, id) ?? group;
    await releaseNetworkResources(stores, projectId, securityGroupClaims(group).map((c) => c.key)).catch(() => undefined);
    if (isNotFound(err)) throw projectNotReady(projectId);
    throw err;
  }
}
