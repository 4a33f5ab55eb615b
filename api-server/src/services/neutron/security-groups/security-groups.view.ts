// SecurityGroup CR → Neutron bodies; a rule's revision and timestamps are its group's (rules are
// inline), except created_at, which each rule keeps.
import type { Static } from '@sinclair/typebox';
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { isoSeconds } from '../../../common/time.js';
import type { Rule } from './rules.validation.js';
import type { rule, securityGroup } from './security-groups.schema.js';

type GroupBody = Static<typeof securityGroup>;
type RuleBody = Static<typeof rule>;

function times(sg: SecurityGroup): { created: string; updated: string } {
  const created = isoSeconds(sg.metadata.creationTimestamp ?? new Date());
  return { created, updated: sg.spec.updatedAt ? isoSeconds(sg.spec.updatedAt) : created };
}

export function ruleView(sg: SecurityGroup, r: Rule): RuleBody {
  const { updated } = times(sg);
  return {
    id: r.id,
    security_group_id: sg.metadata.name,
    direction: r.direction,
    ethertype: r.ethertype,
    protocol: r.protocol ?? null,
    port_range_min: r.portRangeMin ?? null,
    port_range_max: r.portRangeMax ?? null,
    remote_ip_prefix: r.remoteIpPrefix ?? null,
    remote_group_id: r.remoteGroupId ?? null,
    remote_address_group_id: null,
    description: r.description ?? '',
    tenant_id: sg.spec.projectId,
    project_id: sg.spec.projectId,
    created_at: r.createdAt ? isoSeconds(r.createdAt) : updated,
    updated_at: updated,
    revision_number: sg.metadata.generation ?? 1,
  };
}

export function securityGroupView(sg: SecurityGroup): GroupBody {
  const { created, updated } = times(sg);
  return {
    id: sg.metadata.name,
    name: sg.spec.name,
    description: sg.spec.description ?? '',
    tenant_id: sg.spec.projectId,
    project_id: sg.spec.projectId,
    stateful: sg.spec.stateful ?? true,
    security_group_rules: (sg.spec.rules ?? []).map((r) => ruleView(sg, r)),
    tags: sg.spec.tags ?? [],
    created_at: created,
    updated_at: updated,
    revision_number: sg.metadata.generation ?? 1,
  };
}
