// Schemas of GET /v3/role_assignments: the filters (Keystone's role_assignments_index_request_query;
// effective, include_names and include_subtree are key-only flags), and the assignment document
// (Keystone's _format_entity: the actor, the role, the scope, the links).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { domainRefSchema, keystoneCollection } from '../keystone.schema.js';

export const listRoleAssignmentsQuery = querySchema({
  'user.id': queryString,
  'group.id': queryString,
  'role.id': queryString,
  'scope.project.id': queryString,
  'scope.domain.id': queryString,
  'scope.system': queryString,
  'scope.OS-INHERIT:inherited_to': queryString,
  include_names: queryString,
  include_subtree: queryString,
  effective: queryString,
});
export type ListRoleAssignmentsQuery = Static<typeof listRoleAssignmentsQuery>;

/** {id} of an actor, project or role; with include_names also its name (and domain). */
const entityRef = responseObject({ id: Type.String(), name: Type.Optional(Type.String()), domain: Type.Optional(domainRefSchema) });

const inheritedTo = { 'OS-INHERIT:inherited_to': Type.Optional(Type.Literal('projects')) };

const scopeSchema = Type.Union([
  responseObject({ project: entityRef, ...inheritedTo }),
  responseObject({ domain: responseObject({ id: Type.String(), name: Type.Optional(Type.String()) }), ...inheritedTo }),
  responseObject({ system: responseObject({ all: Type.Literal(true) }) }),
]);

export const roleAssignmentSchema = responseObject({
  role: entityRef,
  user: Type.Optional(entityRef),
  group: Type.Optional(entityRef),
  scope: scopeSchema,
  links: responseObject({
    assignment: Type.String(),
    // A group member's effective assignment: the membership it comes through.
    membership: Type.Optional(Type.String()),
    // An implied role's effective assignment: Keystone's link to the rule.
    prior_role: Type.Optional(Type.String()),
  }),
});
export type RoleAssignmentDocument = Static<typeof roleAssignmentSchema>;

export const listRoleAssignmentsResponse = keystoneCollection('role_assignments', roleAssignmentSchema);
