// Which Project owns a Server's namespace. The operator realizes a Server only in a namespace that
// a Project owns, so a Server written into any other namespace (kube-system, another team's) never
// becomes a Pod there, whoever managed to create the custom resource.
import type { Project, Server } from '../../../../crds/types.generated.js';
import { PROJECT_LABEL } from '../../../../crds/naming.js';
import { apiVersionOf, Resources } from '../../../../crds/resources.js';
import type { Namespace } from '../../../../crds/kube-types.js';
import { controllerOf, type ObjectCache } from '../../runtime/objects.js';
import { Reason, type Problem } from './server.status.js';

export interface TenancySources {
  /** Only namespaces the operator manages are cached: any other namespace is not a project's. */
  namespaces: ObjectCache<Namespace>;
  projects: ObjectCache<Project>;
}

/**
 * The Project owning ns: its controller ownerReference names an existing Project (same uid), or,
 * with no controller at all, its project label names an existing Project.
 */
export function owningProject(ns: Namespace, projects: ObjectCache<Project>): Project | undefined {
  const ref = controllerOf(ns);
  if (ref) {
    if (ref.kind !== Resources.Project.kind || ref.apiVersion !== apiVersionOf(Resources.Project)) return undefined;
    const owner = projects.get(ref.name);
    return owner?.metadata.uid === ref.uid ? owner : undefined;
  }
  const label = ns.metadata.labels?.[PROJECT_LABEL];
  return label ? projects.get(label) : undefined;
}

/** Why server must not be realized in ns (undefined: there is no such namespace), if it must not. */
export function namespaceProblem(server: Server, ns: Namespace | undefined, projects: ObjectCache<Project>): Problem | undefined {
  const name = server.metadata.namespace ?? '';
  if (ns && owningProject(ns, projects)) return undefined;
  const message = ns ? `Namespace ${name} is not owned by any project` : `Namespace ${name} is not a project namespace`;
  return { reason: Reason.NamespaceNotOwned, code: 400, message };
}

/** Why server must not be realized where it is, judged from the caches alone. */
export function tenancyProblem(server: Server, src: TenancySources): Problem | undefined {
  return namespaceProblem(server, src.namespaces.get(server.metadata.namespace ?? ''), src.projects);
}
