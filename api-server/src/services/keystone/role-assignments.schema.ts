// Query schemas of /v3/role_assignments.
import { querySchema, queryString } from '../../common/parameter-types.js';
import type { JsonSchema } from '../../common/validate.js';

export const listRoleAssignmentsQuery: JsonSchema = querySchema({
  'user.id': queryString,
  'scope.project.id': queryString,
  'role.id': queryString,
  'group.id': queryString,
  'scope.domain.id': queryString,
  'scope.system': queryString,
  include_names: queryString,
  effective: queryString,
});
