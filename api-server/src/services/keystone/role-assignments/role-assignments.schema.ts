// Schemas of /v3/role_assignments: the filters clients send, and the assignment document. With
// include_names, OSC reads role.name, user.name/domain and scope.project.name/domain.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { domainRefSchema, keystoneCollection } from '../keystone.schema.js';

export const listRoleAssignmentsQuery = querySchema({
  'user.id': queryString,
  'scope.project.id': queryString,
  'role.id': queryString,
  'group.id': queryString,
  'scope.domain.id': queryString,
  'scope.system': queryString,
  include_names: queryString,
  effective: queryString,
});
export type ListRoleAssignmentsQuery = Static<typeof listRoleAssignmentsQuery>;

const entityRef = responseObject({ id: Type.String(), name: Type.Optional(Type.String()), domain: Type.Optional(domainRefSchema) });

// Keystone scopes an assignment to a project, a domain or the system; only the first exists here.
const scopeSchema = Type.Union([
  responseObject({ project: entityRef }),
  responseObject({ domain: entityRef }),
  responseObject({ system: responseObject({}) }),
]);

export const roleAssignmentSchema = responseObject({
  role: entityRef,
  user: Type.Optional(entityRef),
  group: Type.Optional(entityRef),
  scope: scopeSchema,
  links: responseObject({ assignment: Type.String() }),
});
export type RoleAssignmentDocument = Static<typeof roleAssignmentSchema>;

export const listRoleAssignmentsResponse = keystoneCollection('role_assignments', roleAssignmentSchema);
