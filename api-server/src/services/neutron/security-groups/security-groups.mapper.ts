// Security group requests → SecurityGroup custom resources, and the rules every group starts with.
import { createHash, randomUUID } from 'node:crypto';
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Rule } from './rules.validation.js';

export const DEFAULT_GROUP = 'default';

/** The default group's id, derived from the project: creating it twice is an AlreadyExists. */
export function defaultGroupId(projectId: string): string {
  const h = createHash('sha256').update(`openstack-sim default security group ${projectId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const rule = (r: Omit<Rule, 'id' | 'createdAt'>, now: Date): Rule => ({ id: randomUUID(), ...r, createdAt: now.toISOString() });

/** Every new group allows all egress, IPv4 and IPv6 (TPO's delete_default_rules removes exactly these). */
export function egressRules(now: Date): Rule[] {
  return [rule({ direction: 'egress', ethertype: 'IPv4' }, now), rule({ direction: 'egress', ethertype: 'IPv6' }, now)];
}

/** The default group also lets its own members in, over both IP versions. */
export function defaultGroupRules(groupId: string, now: Date): Rule[] {
  return [...egressRules(now), rule({ direction: 'ingress', ethertype: 'IPv4', remoteGroupId: groupId }, now), rule({ direction: 'ingress', ethertype: 'IPv6', remoteGroupId: groupId }, now)];
}

export function toSecurityGroupResource(o: { id?: string; projectId: string; name: string; description?: string; stateful?: boolean; rules: Rule[] }, now: Date): SecurityGroup {
  const id = o.id ?? randomUUID();
  return {
    ...typeMeta(Resources.SecurityGroup),
    metadata: { name: id, namespace: projectNamespace(o.projectId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: o.projectId } },
    spec: { name: o.name, description: o.description ?? '', projectId: o.projectId, stateful: o.stateful ?? true, rules: o.rules, tags: [], updatedAt: now.toISOString() },
  };
}
