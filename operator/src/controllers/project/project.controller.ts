// Watches for the project controller: a Project event enqueues the Project; a Namespace event
// enqueues the Project named by its controller ownerReference.
import type { Project } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import { Controller, type ControllerSetup } from '../../runtime/controller.js';
import type { Namespace } from '../../../../crds/kube-types.js';
import { controllerKey, type Watchable } from '../../runtime/objects.js';
import { WorkQueue } from '../../runtime/work-queue.js';
import { ProjectReconciler, type ProjectReconcilerDeps } from './project.reconciler.js';

export const PROJECT_CONTROLLER = 'project';

export interface ProjectWatchSources {
  projects: Watchable<Project>;
  namespaces: Watchable<Namespace>;
}

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

export function newProjectController(deps: ProjectReconcilerDeps, setup: ControllerSetup = {}): Controller {
  const reconciler = new ProjectReconciler(deps);
  return new Controller({
    name: PROJECT_CONTROLLER,
    reconcile: reconciler.reconcile,
    workers: setup.workers,
    log: setup.log,
    metrics: setup.metrics?.forController(PROJECT_CONTROLLER),
    queue: new WorkQueue({ metrics: setup.metrics?.forQueue(PROJECT_CONTROLLER) }),
  });
}
