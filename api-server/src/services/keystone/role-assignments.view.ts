// RoleAssignment CR -> Keystone's role assignment document. With include_names, OSC reads
// role.name, user.name/domain and scope.project.name/domain and fails on a missing key.
import type { Project, Role, RoleAssignment, User } from '../../../../crds/types.generated.js';
import { v3Url } from './collection.js';
import { domainRef } from './domains.view.js';

export interface AssignmentParts {
  assignment: RoleAssignment;
  role: Role;
  user: User;
  project: Project;
}

export function showRoleAssignment(baseUrl: string, parts: AssignmentParts, withNames: boolean): Record<string, unknown> {
  const { userId, projectId, roleId } = parts.assignment.spec;
  const named = <T extends object>(ids: T, extra: object): T => (withNames ? { ...ids, ...extra } : ids);
  return {
    role: named({ id: roleId }, { name: parts.role.spec.name }),
    user: named({ id: userId }, { name: parts.user.spec.name, domain: domainRef(parts.user.spec.domainId) }),
    scope: {
      project: named({ id: projectId }, { name: parts.project.spec.name, domain: domainRef(parts.project.spec.domainId) }),
    },
    links: { assignment: v3Url(baseUrl, `projects/${projectId}/users/${userId}/roles/${roleId}`) },
  };
}
