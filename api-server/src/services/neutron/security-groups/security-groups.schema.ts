// Request and response schemas of /v2.0/security-groups and /v2.0/security-group-rules.
import { Type } from '@sinclair/typebox';
import { isoTime, queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { neutronBool } from '../networks/networks.schema.js';
import { collectionResponses, standardAttributes } from '../neutron.schema.js';

const shortText = Type.String({ maxLength: 255 });
const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const createSecurityGroupBody = strictObject({
  security_group: strictObject({
    name: Type.Optional(shortText),
    description: Type.Optional(shortText),
    stateful: Type.Optional(neutronBool),
    tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
    project_id: Type.Optional(Type.String({ maxLength: 255 })),
  }),
});

export const updateSecurityGroupBody = strictObject({
  security_group: strictObject({ name: Type.Optional(shortText), description: Type.Optional(shortText), stateful: Type.Optional(neutronBool) }),
});

export const createRuleBody = strictObject({
  security_group_rule: strictObject({
    security_group_id: Type.String({ maxLength: 64 }),
    direction: Type.String({ maxLength: 16 }),
    ethertype: Type.Optional(Type.String({ maxLength: 8 })),
    protocol: Type.Optional(Type.Union([Type.String({ maxLength: 16 }), Type.Integer(), Type.Null()])),
    port_range_min: Type.Optional(nullableInt),
    port_range_max: Type.Optional(nullableInt),
    remote_ip_prefix: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    remote_group_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    remote_address_group_id: Type.Optional(Type.Null()),
    description: Type.Optional(shortText),
    tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
    project_id: Type.Optional(Type.String({ maxLength: 255 })),
  }),
});

export const listQuery = querySchema({ limit: queryInt, marker: Type.String(), fields: queryString, sort_key: queryString, sort_dir: queryString });

export const rule = responseObject({
  id: Type.String(),
  security_group_id: Type.String(),
  direction: Type.String(),
  ethertype: Type.String(),
  protocol: nullableString,
  port_range_min: nullableInt,
  port_range_max: nullableInt,
  remote_ip_prefix: nullableString,
  remote_group_id: nullableString,
  remote_address_group_id: nullableString,
  description: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  created_at: isoTime,
  updated_at: isoTime,
  revision_number: Type.Integer(),
});

export const securityGroup = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  stateful: Type.Boolean(),
  security_group_rules: Type.Array(rule),
  ...standardAttributes,
});

const groupResponses = collectionResponses('security_group', 'security_groups', securityGroup);
export const listSecurityGroupsResponse = groupResponses.list;
export const showSecurityGroupResponse = groupResponses.show;
export const securityGroupResponse = groupResponses.one;
const ruleResponses = collectionResponses('security_group_rule', 'security_group_rules', rule);
export const listRulesResponse = ruleResponses.list;
export const showRuleResponse = ruleResponses.show;
export const ruleResponse = ruleResponses.one;
