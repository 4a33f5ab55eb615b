// RoleAssignment CR -> Keystone's role assignment document. With include_names, OSC reads
// role.name, user.name/domain and scope.project.name/domain and fails on a missing key.
import type { Static } from '@sinclair/typebox';
import type { Project, Role, RoleAssignment, User } from '../../../../../crds/types.generated.js';
import { domainRef } from '../../../auth/default-domain.js';
import type { Stores } from '../../../deps.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listRoleAssignmentsResponse, RoleAssignmentDocument } from './role-assignments.schema.js';

export interface AssignmentParts {
  assignment: RoleAssignment;
  role: Role;
  user: User;
  project: Project;
  /** Where the users' and projects' domain names come from. */
  domains: Pick<Stores, 'domains'>;
}

export type Naming = 'ids' | 'names';

export function roleAssignmentView(baseUrl: string, parts: AssignmentParts, naming: Naming): RoleAssignmentDocument {
  const { roleId } = parts.assignment.spec;
  const [userId, projectId] = [parts.user.metadata.name, parts.project.metadata.name];
  const named = <T extends object>(ids: T, extra: object): T => (naming === 'names' ? { ...ids, ...extra } : ids);
  return {
    role: named({ id: roleId }, { name: parts.role.spec.name }),
    user: named({ id: userId }, { name: parts.user.spec.name, domain: domainRef(parts.domains, parts.user.spec.domainId) }),
    scope: {
      project: named({ id: projectId }, { name: parts.project.spec.name, domain: domainRef(parts.domains, parts.project.spec.domainId) }),
    },
    links: { assignment: v3Url(baseUrl, `projects/${projectId}/users/${userId}/roles/${roleId}`) },
  };
}

export function roleAssignmentListView(baseUrl: string, links: CollectionLinks, found: AssignmentParts[], naming: Naming): Static<typeof listRoleAssignmentsResponse> {
  return { role_assignments: found.map((p) => roleAssignmentView(baseUrl, p, naming)), links };
}
