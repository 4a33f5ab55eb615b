// An assignment entry -> Keystone's role assignment document (Keystone's _format_entity). Links
// name the grant the entry comes from: an inherited entry's OS-INHERIT grant on its domain or
// ancestor, a group member's group grant (plus links.membership), an implied role's prior role
// (plus Keystone's links.prior_role). With include_names, OSC reads role.name,
// user|group.name/domain.name and scope.project.name/domain.name or scope.domain.name.
import type { Static } from '@sinclair/typebox';
import { domainRef } from '../../../auth/default-domain.js';
import type { Stores } from '../../../deps.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listRoleAssignmentsResponse, RoleAssignmentDocument } from './role-assignments.schema.js';
import type { AssignmentRef } from './role-assignments.effective.js';

type Entity = { id: string; name?: string; domain?: { id: string; name: string } };

/** Names as Keystone gives them with include_names; a deleted user or group is named ''. */
class Namer {
  constructor(
    private readonly stores: Stores,
    private readonly on: boolean,
  ) {}

  private withDomain(id: string, found: { spec: { name: string; domainId: string } } | undefined): Entity {
    if (!this.on) return { id };
    if (!found) return { id, name: '', domain: { id: '', name: '' } };
    return { id, name: found.spec.name, domain: domainRef(this.stores, found.spec.domainId) };
  }

  user = (id: string): Entity => this.withDomain(id, this.stores.users.get(id));
  group = (id: string): Entity => this.withDomain(id, this.stores.groups.get(id));
  project = (id: string): Entity => this.withDomain(id, this.stores.projects.get(id));
  domain = (id: string): Entity => (this.on ? domainRef(this.stores, id) : { id });

  role(id: string): Entity {
    const role = this.stores.roles.get(id);
    if (!this.on || !role) return { id };
    const domainId = role.spec.domainId;
    return { id, name: role.spec.name, ...(domainId ? { domain: domainRef(this.stores, domainId) } : {}) };
  }
}

function scopeView(r: AssignmentRef, names: Namer): RoleAssignmentDocument['scope'] {
  const inherited = r.inherited ? { 'OS-INHERIT:inherited_to': 'projects' as const } : {};
  if (r.projectId !== undefined) return { project: names.project(r.projectId), ...inherited };
  if (r.domainId !== undefined) return { domain: names.domain(r.domainId), ...inherited };
  return { system: { all: true } };
}

/** The grant's path: where it was made (the inheritance point), by whom (the group), which role (the prior one). */
function assignmentPath(r: AssignmentRef): string {
  const target = r.via.domainId !== undefined ? `/domains/${r.via.domainId}` : r.via.projectId !== undefined ? `/projects/${r.via.projectId}` : r.projectId !== undefined ? `/projects/${r.projectId}` : r.domainId !== undefined ? `/domains/${r.domainId}` : '/system';
  const actor = r.via.groupId !== undefined ? `/groups/${r.via.groupId}` : r.userId !== undefined ? `/users/${r.userId}` : `/groups/${r.groupId}`;
  const path = `${target}${actor}/roles/${r.via.roleId ?? r.roleId}`;
  return r.inherited ? `/OS-INHERIT${path}/inherited_to_projects` : path;
}

function linksView(baseUrl: string, r: AssignmentRef): RoleAssignmentDocument['links'] {
  const url = (path: string): string => v3Url(baseUrl, path.replace(/^\//, ''));
  return {
    assignment: url(assignmentPath(r)),
    ...(r.via.groupId !== undefined && r.userId !== undefined ? { membership: url(`/groups/${r.via.groupId}/users/${r.userId}`) } : {}),
    // Keystone's own (odd) shape of this link: the implied role first, then the prior one.
    ...(r.via.roleId !== undefined ? { prior_role: url(`/prior_role/${r.roleId}/implies/${r.via.roleId}`) } : {}),
  };
}

export function roleAssignmentView(baseUrl: string, r: AssignmentRef, names: Namer): RoleAssignmentDocument {
  return {
    scope: scopeView(r, names),
    ...(r.userId !== undefined ? { user: names.user(r.userId) } : { group: names.group(r.groupId ?? '') }),
    role: names.role(r.roleId),
    links: linksView(baseUrl, r),
  };
}

export function roleAssignmentListView(stores: Stores, links: CollectionLinks, refs: AssignmentRef[], options: { baseUrl: string; includeNames: boolean }): Static<typeof listRoleAssignmentsResponse> {
  const { baseUrl } = options;
  const names = new Namer(stores, options.includeNames);
  return { role_assignments: refs.map((r) => roleAssignmentView(baseUrl, r, names)), links };
}
