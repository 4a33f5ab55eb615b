// Who may call each route of Keystone's identity resources: domains, projects, users, groups (the rest must get 403), per the services' default policies.
// Keystone's defaults (2024.x policies without domain or system scopes here): admins write;
// identity:get_project, list_project_tags and get_project_tag admit a token scoped to the project;
// identity:get_user, list_user_projects and list_groups_for_user admit the user. The password
// change is unenforced in Keystone (the original password is the proof, no token needed).
import { ADMINS, ANY, type Persona } from './personas.common.js';

/** The demo project's own members of any role, and admins (a token scoped to demo, or an admin). */
const DEMO_TOKENS: Persona[] = [...ADMINS, 'member', 'reader', 'noRole'];
/** alice (the member persona) herself, and admins. */
const ALICE_OR_ADMIN: Persona[] = [...ADMINS, 'member'];

export const IDENTITY_EXPECTED: Record<string, Persona[]> = {
  'POST /identity/v3/projects': ADMINS,
  'PATCH /identity/v3/projects/:projectId': ADMINS,
  'DELETE /identity/v3/projects/:projectId': ADMINS,
  'GET /identity/v3/projects/:projectId/tags': DEMO_TOKENS,
  'PUT /identity/v3/projects/:projectId/tags': ADMINS,
  'DELETE /identity/v3/projects/:projectId/tags': ADMINS,
  'GET /identity/v3/projects/:projectId/tags/:tag': DEMO_TOKENS,
  'HEAD /identity/v3/projects/:projectId/tags/:tag': DEMO_TOKENS,
  'PUT /identity/v3/projects/:projectId/tags/:tag': ADMINS,
  'DELETE /identity/v3/projects/:projectId/tags/:tag': ADMINS,
  'POST /identity/v3/users': ADMINS,
  'PATCH /identity/v3/users/:userId': ADMINS,
  'DELETE /identity/v3/users/:deleteUserId': ADMINS,
  'POST /identity/v3/users/:userId/password': ANY,
  'GET /identity/v3/users/:userId/projects': ALICE_OR_ADMIN,
  'GET /identity/v3/users/:userId/groups': ALICE_OR_ADMIN,
  'POST /identity/v3/domains': ADMINS,
  'PATCH /identity/v3/domains/:domainId': ADMINS,
  'DELETE /identity/v3/domains/:deleteDomainId': ADMINS,
  'GET /identity/v3/groups': ADMINS,
  'POST /identity/v3/groups': ADMINS,
  'GET /identity/v3/groups/:groupId': ADMINS,
  'PATCH /identity/v3/groups/:groupId': ADMINS,
  'DELETE /identity/v3/groups/:groupId': ADMINS,
  'GET /identity/v3/groups/:groupId/users': ADMINS,
  'PUT /identity/v3/groups/:groupId/users/:userId': ADMINS,
  'HEAD /identity/v3/groups/:groupId/users/:userId': ADMINS,
  'DELETE /identity/v3/groups/:groupId/users/:userId': ADMINS,
};

/** Values for this area's own path parameters (those the shared table in personas.test.ts lacks). */
export const IDENTITY_PARAMS: Record<string, string> = {
  // No such user or domain: the admins' deletes answer 404, and the personas the other routes use stay.
  deleteUserId: '0000000000000000000000000000dead',
  deleteDomainId: '0000000000000000000000000000dead',
};
