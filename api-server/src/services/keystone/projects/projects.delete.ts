// DELETE /v3/projects/{id}. Keystone deletes a project and leaves whatever it owned in Nova,
// Neutron and Cinder orphaned. Here a project that still owns servers, volumes, snapshots,
// networks, subnets, ports, routers, floating IPs or security groups (its default group aside;
// keypairs are their users') is refused with a 409 naming what remains, unless the API server
// runs with --project-delete-mode=cascade: then those go first, in dependency order and through
// the services' own deletes (so addresses, gateways and segments are released), as ZStack's
// cascade does. The project's role assignments and name claim go with it; its Namespace goes by
// its owner reference.
import type { KubeObject } from '../../../../../crds/kube-object.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import type { Project } from '../../../../../crds/types.generated.js';
import { conflict } from '../../../common/errors.js';
import { releaseName } from '../../../common/name-claims.js';
import type { RouteContext } from '../../../common/route.js';
import type { AppDeps, Stores } from '../../../deps.js';
import type { Handler } from '../handler.js';
import { immutable } from '../domains/domains.handlers.js';
import { findProject, projectNameKey, refuseNonLeaf } from './projects.handlers.js';
import { cascadeProjectResources } from './projects.cascade.js';
import { domainProject, removeDomainProject } from './projects.domains.js';

export type ProjectDeleteMode = 'refuse' | 'cascade';

interface Owned {
  /** Singular and plural, as the refusal names them. */
  noun: [string, string];
  items(stores: Stores, namespace: string, projectId: string): KubeObject[];
}

const inNamespace = <T extends KubeObject & { spec: { projectId?: string } }>(list: T[], projectId: string): T[] => list.filter((o) => o.spec.projectId === undefined || o.spec.projectId === projectId);

/** What a project can still own, in the order the refusal lists it. */
const OWNED: readonly Owned[] = [
  { noun: ['server', 'servers'], items: (s, ns) => s.servers.list(ns) },
  { noun: ['volume', 'volumes'], items: (s, ns) => s.volumes.list(ns) },
  { noun: ['snapshot', 'snapshots'], items: (s, ns) => s.snapshots.list(ns) },
  { noun: ['network', 'networks'], items: (s, ns, p) => inNamespace(s.networks.list(ns), p) },
  { noun: ['subnet', 'subnets'], items: (s, ns, p) => inNamespace(s.subnets.list(ns), p) },
  { noun: ['port', 'ports'], items: (s, ns, p) => inNamespace(s.ports.list(ns), p) },
  { noun: ['router', 'routers'], items: (s, ns, p) => inNamespace(s.routers.list(ns), p) },
  { noun: ['floating IP', 'floating IPs'], items: (s, ns, p) => inNamespace(s.floatingIPs.list(ns), p) },
  { noun: ['security group', 'security groups'], items: (s, ns, p) => inNamespace(s.securityGroups.list(ns), p).filter((g) => g.spec.name !== 'default') },
];

/** "2 servers, 1 volume" for what the project still owns; '' when nothing. */
export function remainingResources(stores: Stores, projectId: string): string {
  const ns = projectNamespace(projectId);
  const counts = OWNED.map((o) => ({ o, n: o.items(stores, ns, projectId).filter((x) => !x.metadata.deletionTimestamp).length }));
  return counts.filter((c) => c.n > 0).map(({ o, n }) => `${n} ${n === 1 ? o.noun[0] : o.noun[1]}`).join(', ');
}

async function deleteAssignmentsOn(stores: Stores, projectId: string): Promise<void> {
  for (const a of stores.roleAssignments.list().filter((x) => x.spec.projectId === projectId)) await stores.roleAssignments.delete(a.metadata.name);
}

/** Deletes the project once nothing stops it: Keystone's leaf rule, immutability, then what it owns. */
export async function removeProject<B, Q>(d: AppDeps, project: Project, ctx: RouteContext<B, Q>): Promise<void> {
  const id = project.metadata.name;
  refuseNonLeaf(d, id);
  if (project.spec.options?.immutable === true) throw immutable('project', id, 'delete');
  const left = remainingResources(d.stores, id);
  if (left) {
    if ((d.config.projectDeleteMode ?? 'refuse') === 'refuse') {
      throw conflict(`Project ${project.spec.name} still owns ${left}; delete them first, or run the API server with --project-delete-mode=cascade.`);
    }
    await cascadeProjectResources(d, project, ctx);
  }
  await deleteAssignmentsOn(d.stores, id);
  await d.stores.projects.delete(id);
  await releaseName(d.stores, projectNameKey(project.spec.domainId, project.spec.name), id);
}

export function deleteProjectHandler(d: AppDeps): Handler {
  return async (ctx) => {
    const dom = domainProject(d, ctx.params.projectId);
    if (dom) await removeDomainProject(d, dom, ctx);
    else await removeProject(d, findProject(d, ctx.params.projectId), ctx);
    return { status: 204 };
  };
}
