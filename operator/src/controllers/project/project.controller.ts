// Watches for the project controller: a Project event enqueues the Project; a Namespace event
// enqueues the Project named by its controller ownerReference.
import type { Project } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import type { Namespace } from '../../../../crds/kube-types.js';
import { controllerKey } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { ProjectReconciler } from './project.reconciler.js';

export const PROJECT_CONTROLLER = 'project';

const PROJECT_CACHES = ['projects', 'namespaces'] as const;
export type ProjectWatchSources = Pick<Caches, (typeof PROJECT_CACHES)[number]>;

export function projectKeyForNamespace(ns: Namespace): string | undefined {
  return controllerKey(ns, Resources.Project);
}

export function watchProjects(src: ProjectWatchSources, enqueue: (key: string) => void): void {
  const self = (p: Project): void => enqueue(p.metadata.name);
  src.projects.on({ onUpsert: self, onDelete: self });
  const owner = (ns: Namespace): void => {
    const key = projectKeyForNamespace(ns);
    if (key) enqueue(key);
  };
  src.namespaces.on({ onUpsert: owner, onDelete: owner });
}

export const projectController = defineController({
  name: PROJECT_CONTROLLER,
  primary: 'projects',
  informers: PROJECT_CACHES,
  watch: watchProjects,
  newReconciler: ({ kube, events, caches }) => new ProjectReconciler({ kube, events, ...caches }).reconcile,
});
