// What goes with a deleted domain, as Keystone deletes it: its groups, its users, its projects
// (leaves first, each through the project deletion, so a project still owning resources stops
// the domain's deletion with its 409), and the role assignments on the domain.
import type { Project } from '../../../../../crds/types.generated.js';
import type { AppDeps } from '../../../deps.js';
import type { RouteContext } from '../../../common/route.js';
import { liveProjects } from '../../../auth/assignments.js';
import { removeGroup } from '../groups/groups.handlers.js';
import { removeUser } from '../users/users.remove.js';
import { removeProject } from '../projects/projects.delete.js';
import { parentsOf } from '../projects/projects.tree.js';

/** Deepest first, so each project is a leaf when its turn comes. */
function leavesFirst(d: AppDeps, projects: Project[]): Project[] {
  const depth = (p: Project): number => parentsOf(d.stores, p).length;
  return [...projects].sort((a, b) => depth(b) - depth(a));
}

export async function removeDomainContents<B, Q>(d: AppDeps, domainId: string, ctx: RouteContext<B, Q>): Promise<void> {
  const { stores } = d;
  for (const p of leavesFirst(d, liveProjects(stores).filter((x) => x.spec.domainId === domainId))) await removeProject(d, p, ctx);
  for (const g of stores.groups.list().filter((x) => x.spec.domainId === domainId)) await removeGroup(d, g);
  for (const u of stores.users.list().filter((x) => x.spec.domainId === domainId)) await removeUser(d, u);
  for (const a of stores.roleAssignments.list().filter((x) => x.spec.domainId === domainId)) await stores.roleAssignments.delete(a.metadata.name);
}
