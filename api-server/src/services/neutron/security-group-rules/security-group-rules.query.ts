// Filtering, sorting and paging of GET /v2.0/security-group-rules (rules live inside their group).
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { anyOf, type ListSpec, type SortValue } from '../../../common/list-query.js';
import type { Rule } from '../security-groups/rules.validation.js';

export interface GroupRule {
  group: SecurityGroup;
  rule: Rule;
}

const SORT_KEYS: Record<string, (r: GroupRule) => SortValue> = {
  id: (r) => r.rule.id,
  direction: (r) => r.rule.direction,
  ethertype: (r) => r.rule.ethertype,
  protocol: (r) => r.rule.protocol ?? null,
  port_range_min: (r) => r.rule.portRangeMin ?? null,
  security_group_id: (r) => r.group.metadata.name,
  created_at: (r) => r.rule.createdAt ?? '',
};

export const ruleListSpec: ListSpec<GroupRule> = {
  collection: 'security_group_rules',
  filters: {
    id: anyOf((r) => r.rule.id),
    security_group_id: anyOf((r) => r.group.metadata.name),
    direction: anyOf((r) => r.rule.direction),
    ethertype: anyOf((r) => r.rule.ethertype),
    protocol: anyOf((r) => r.rule.protocol),
    port_range_min: anyOf((r) => r.rule.portRangeMin),
    port_range_max: anyOf((r) => r.rule.portRangeMax),
    remote_ip_prefix: anyOf((r) => r.rule.remoteIpPrefix),
    remote_group_id: anyOf((r) => r.rule.remoteGroupId),
    description: anyOf((r) => r.rule.description ?? ''),
    tenant_id: anyOf((r) => r.group.spec.projectId),
    project_id: anyOf((r) => r.group.spec.projectId),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (r) => r.rule.id,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Security group rule ${marker} does not exist`,
  fields: true,
};
