// Security group requests → SecurityGroup custom resources, and the rules every group starts with.
import { createHash, randomUUID } from 'node:crypto';
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Rule } from './rules.validation.js';

export const DEFAULT_GROUP = 'default';

/** A UUID-shaped id derived from what it names, the same on every replica. */
function derivedId(of: string): string {
  const h = createHash('sha256').update(of).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The default group's id, derived from the project: creating it twice is an AlreadyExists. */
export function defaultGroupId(projectId: string): string {
  return derivedId(`openstack-sim default security group ${projectId}`);
}

const rule = (r: Omit<Rule, 'id' | 'createdAt'>, now: Date, id: string = randomUUID()): Rule => ({ id, ...r, createdAt: now.toISOString() });

/** Every new group allows all egress, IPv4 and IPv6 (TPO's delete_default_rules removes exactly these). */
export function egressRules(now: Date): Rule[] {
  return [rule({ direction: 'egress', ethertype: 'IPv4' }, now), rule({ direction: 'egress', ethertype: 'IPv6' }, now)];
}

/**
 * The default group also lets its own members in, over both IP versions. Its rules' ids derive
 * from the group's, as its id from the project: requests racing to make the group all claim the
 * same four rule keys, so the losers' claims add nothing to the project's usage (with random ids,
 * 200 concurrent first uses claimed 800 rules and were refused over security_group_rule).
 */
export function defaultGroupRules(groupId: string, now: Date): Rule[] {
  const [v4, v6] = egressRules(now);
  const ids = [0, 1, 2, 3].map((i) => derivedId(`${groupId} default rule ${i}`));
  return [
    { ...v4, id: ids[0] },
    { ...v6, id: ids[1] },
    rule({ direction: 'ingress', ethertype: 'IPv4', remoteGroupId: groupId }, now, ids[2]),
    rule({ direction: 'ingress', ethertype: 'IPv6', remoteGroupId: groupId }, now, ids[3]),
  ];
}

export function toSecurityGroupResource(o: { id?: string; projectId: string; name: string; description?: string; stateful?: boolean; rules: Rule[] }, now: Date): SecurityGroup {
  const id = o.id ?? randomUUID();
  return {
    ...typeMeta(Resources.SecurityGroup),
    metadata: { name: id, namespace: projectNamespace(o.projectId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: o.projectId } },
    spec: { name: o.name, description: o.description ?? '', projectId: o.projectId, stateful: o.stateful ?? true, rules: o.rules, tags: [], updatedAt: now.toISOString() },
  };
}
