// A Neutron security group in Nova's os-security-groups format (the proxy view Nova still serves
// per server): ingress rules only, as Nova's view of Neutron groups shows them, with the ranges
// and remote as nova-network named them.
import type { Static } from '@sinclair/typebox';
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import type { novaSecurityGroup } from './server-security-groups.schema.js';

type NovaGroup = Static<typeof novaSecurityGroup>;
type Rule = NonNullable<SecurityGroup['spec']['rules']>[number];

function ruleView(sg: SecurityGroup, r: Rule, groupName: (id: string) => string | undefined): NovaGroup['rules'][number] {
  const remote = r.remoteGroupId ? { name: groupName(r.remoteGroupId) ?? r.remoteGroupId, tenant_id: sg.spec.projectId } : {};
  return {
    id: r.id,
    parent_group_id: sg.metadata.name,
    ip_protocol: r.protocol ?? null,
    from_port: r.portRangeMin ?? null,
    to_port: r.portRangeMax ?? null,
    ip_range: r.remoteIpPrefix ? { cidr: r.remoteIpPrefix } : {},
    group: remote,
  };
}

export function novaSecurityGroupView(sg: SecurityGroup, groupName: (id: string) => string | undefined): NovaGroup {
  return {
    id: sg.metadata.name,
    name: sg.spec.name,
    description: sg.spec.description ?? '',
    tenant_id: sg.spec.projectId,
    rules: (sg.spec.rules ?? []).filter((r) => r.direction === 'ingress').map((r) => ruleView(sg, r, groupName)),
  };
}
