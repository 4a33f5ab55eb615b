// Who may call each route of Keystone's roles, implied roles and role assignments (the rest must get 403), per the services' default policies.
// Keystone's defaults give these to admins (and to system and domain readers or managers, which
// no persona here is): reading and writing roles, implied roles, grants and role assignments.
import { ADMINS, type Persona } from './personas.common.js';

const K = '/identity/v3';

/** PUT/HEAD/GET/DELETE of one grant, and (where Keystone has it) GET of the granted roles. */
function grantRoutes(actorPath: string, tail = '', withList = true): Record<string, Persona[]> {
  const one = `${actorPath}/roles/:roleId${tail}`;
  const routes: Record<string, Persona[]> = { [`PUT ${one}`]: ADMINS, [`HEAD ${one}`]: ADMINS, [`GET ${one}`]: ADMINS, [`DELETE ${one}`]: ADMINS };
  if (withList) routes[`GET ${actorPath}/roles${tail}`] = ADMINS;
  return routes;
}

const INHERITED = '/inherited_to_projects';

export const ASSIGNMENT_EXPECTED: Record<string, Persona[]> = {
  [`GET ${K}/roles`]: ADMINS,
  [`POST ${K}/roles`]: ADMINS,
  [`GET ${K}/roles/:roleId`]: ADMINS,
  [`PATCH ${K}/roles/:roleId`]: ADMINS,
  [`DELETE ${K}/roles/:roleId`]: ADMINS,
  [`PUT ${K}/roles/:priorRoleId/implies/:impliedRoleId`]: ADMINS,
  [`HEAD ${K}/roles/:priorRoleId/implies/:impliedRoleId`]: ADMINS,
  [`GET ${K}/roles/:priorRoleId/implies/:impliedRoleId`]: ADMINS,
  [`DELETE ${K}/roles/:priorRoleId/implies/:impliedRoleId`]: ADMINS,
  [`GET ${K}/roles/:priorRoleId/implies`]: ADMINS,
  [`GET ${K}/role_inferences`]: ADMINS,
  ...grantRoutes(`${K}/projects/:projectId/users/:userId`),
  ...grantRoutes(`${K}/projects/:projectId/groups/:groupId`),
  ...grantRoutes(`${K}/domains/:domainId/users/:userId`),
  ...grantRoutes(`${K}/domains/:domainId/groups/:groupId`),
  ...grantRoutes(`${K}/system/users/:userId`),
  ...grantRoutes(`${K}/system/groups/:groupId`),
  ...grantRoutes(`${K}/OS-INHERIT/domains/:domainId/users/:userId`, INHERITED),
  ...grantRoutes(`${K}/OS-INHERIT/domains/:domainId/groups/:groupId`, INHERITED),
  ...grantRoutes(`${K}/OS-INHERIT/projects/:projectId/users/:userId`, INHERITED, false),
  ...grantRoutes(`${K}/OS-INHERIT/projects/:projectId/groups/:groupId`, INHERITED, false),
  [`GET ${K}/role_assignments`]: ADMINS,
};

/**
 * Values for this area's own path parameters (those the shared table in personas.test.ts lacks).
 * roleId is overridden too: the matrix's admin calls really run, and DELETE /v3/roles/:roleId or
 * DELETE /v3/projects/:projectId/users/:userId/roles/:roleId on the shared value (member, alice's
 * role on demo) would take the member persona's role away for every later route. A role that
 * does not exist gets admins a 404 everywhere, which is all the matrix asks (not a 403).
 */
export const ASSIGNMENT_PARAMS: Record<string, string> = {
  roleId: '0000000000000000000000000000dead',
  priorRoleId: '0000000000000000000000000000beef',
  impliedRoleId: '0000000000000000000000000000cafe',
};
