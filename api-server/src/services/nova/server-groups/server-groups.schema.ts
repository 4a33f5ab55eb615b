// /os-server-groups (Nova's schemas/server_groups.py: one policy given as a list, affinity or
// anti-affinity, and from 2.15 their soft variants; Tempest's compute/v2_1 and v2_13
// server_groups.py for the bodies).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, queryInt, strictObject } from '../../../common/parameter-types.js';

export const HARD_POLICIES = ['affinity', 'anti-affinity'] as const;
export const SOFT_POLICIES = ['soft-affinity', 'soft-anti-affinity'] as const;
const policy = Type.Union([...HARD_POLICIES, ...SOFT_POLICIES].map((p) => Type.Literal(p)));

const positiveInteger = Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[1-9][0-9]*$' })]);

/** Every version's keys: policies before 2.64, policy and rules from it (server-groups.handlers.ts#checkVersion). */
export const createServerGroupBody = strictObject({
  server_group: strictObject({
    name: Type.String({ minLength: 1, maxLength: 255, pattern: '^\\S(.*\\S)?$' }),
    policies: Type.Optional(Type.Array(policy, { minItems: 1, maxItems: 1, uniqueItems: true })),
    policy: Type.Optional(policy),
    rules: Type.Optional(strictObject({ max_server_per_host: Type.Optional(positiveInteger) })),
  }),
});
export type ServerGroupCreateRequest = Static<typeof createServerGroupBody>['server_group'];

export const serverGroupBody = strictObject({
  id: Type.String(),
  name: Type.String(),
  // policies and metadata until 2.64, policy and rules from it.
  policies: Type.Optional(Type.Array(Type.String())),
  policy: Type.Optional(Type.String()),
  rules: Type.Optional(strictObject({ max_server_per_host: Type.Optional(Type.Integer()) })),
  members: Type.Array(Type.String()),
  metadata: Type.Optional(Type.Record(Type.String(), Type.String())),
  project_id: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.String()),
});

export const showServerGroupResponse = strictObject({ server_group: serverGroupBody });
export const listServerGroupsResponse = strictObject({ server_groups: Type.Array(serverGroupBody) });
export const listServerGroupsQuery = querySchema({ all_projects: queryString, limit: queryInt, offset: queryInt });
