// /os-server-groups at 2.1 (Nova's schemas/server_groups.py before 2.15: one policy of affinity or
// anti-affinity, given as a list; Tempest's compute/v2_1/server_groups.py for the bodies).
import { Type } from '@sinclair/typebox';
import { querySchema, queryString, queryInt, strictObject } from '../../../common/parameter-types.js';

export const createServerGroupBody = strictObject({
  server_group: strictObject({
    name: Type.String({ minLength: 1, maxLength: 255, pattern: '^\\S(.*\\S)?$' }),
    policies: Type.Array(Type.Union([Type.Literal('affinity'), Type.Literal('anti-affinity')]), { minItems: 1, maxItems: 1, uniqueItems: true }),
  }),
});

export const serverGroupBody = strictObject({
  id: Type.String(),
  name: Type.String(),
  policies: Type.Array(Type.String()),
  members: Type.Array(Type.String()),
  metadata: Type.Record(Type.String(), Type.String()),
});

export const showServerGroupResponse = strictObject({ server_group: serverGroupBody });
export const listServerGroupsResponse = strictObject({ server_groups: Type.Array(serverGroupBody) });
export const listServerGroupsQuery = querySchema({ all_projects: queryString, limit: queryInt, offset: queryInt });
