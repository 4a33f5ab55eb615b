// The Project kind's half of the reconcile shell: its Namespace exists, is ours, carries what we
// set on it, and the status says so. Deletion needs no finalizer: the Namespace's controller
// ownerReference lets the garbage collector remove it with the Project.
import type { Project, ProjectStatus } from '../../../../crds/types.generated.js';
import { isAlreadyExists, type KubeClient } from '../../../../crds/client/client.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { Namespace } from '../../../../crds/kube-types.js';
import { correctMetadataDrift } from '../../runtime/apply.js';
import { findCondition } from '../../runtime/conditions.js';
import { TerminalError, type ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import { isControlledBy, type ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { desiredNamespace } from './project.resources.js';
import { computeProjectStatus, ProjectReason } from './project.status.js';

export interface ProjectReconcilerDeps {
  kube: KubeClient;
  projects: ObjectCache<Project>;
  namespaces: ObjectCache<Namespace>;
  events: EventRecorder;
  now?: () => Date;
}

type Outcome = StepOutcome<ProjectStatus>;

export class ProjectReconciler implements ReconcileAdapter<Project, ProjectStatus> {
  readonly res = Resources.Project;
  readonly cache: ObjectCache<Project>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: ProjectReconcilerDeps) {
    this.cache = d.projects;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(project: Project, ctx: StepContext<Project>): Promise<Outcome> {
    const ns = await this.ensureNamespace(project);
    if (ns && !isControlledBy(ns, project)) {
      const conflict = `Namespace ${ns.metadata.name} already exists and is not controlled by this project`;
      return { status: computeProjectStatus(project, ns, ctx.now, conflict), terminal: new TerminalError(conflict, ProjectReason.NamespaceConflict) };
    }
    return { status: computeProjectStatus(project, ns, ctx.now) };
  }

  /** Nothing to clean up: garbage collection removes the namespace. */
  async finalize(): Promise<Outcome> {
    return {};
  }

  transitionEvents(prev: ProjectStatus | undefined, next: ProjectStatus): EventSpec[] {
    const was = findCondition(prev?.conditions, 'Ready')?.reason;
    const ready = findCondition(next.conditions, 'Ready');
    if (ready?.reason !== ProjectReason.NamespaceConflict || was === ready.reason) return [];
    return [{ type: 'Warning', reason: 'CannotAdoptNamespace', note: ready.message }];
  }

  private async ensureNamespace(project: Project): Promise<Namespace | undefined> {
    const name = projectNamespace(project.metadata.name);
    const cached = this.d.namespaces.get(name);
    if (cached) return this.keepNamespace(project, cached);
    try {
      const ns = await this.d.kube.create<Namespace>(Resources.Namespace, desiredNamespace(project));
      this.d.events.record(Resources.Project, project, { type: 'Normal', reason: 'CreatedNamespace', note: `Created namespace ${name}` });
      return ns;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      // Not in the cache: somebody else's, or ours with the managed-by label removed.
      const live = await this.d.kube.get<Namespace>(Resources.Namespace, name);
      return live ? this.keepNamespace(project, live) : undefined;
    }
  }

  /** Re-applies the labels (Pod Security included) and the owner reference of a namespace we control. */
  private async keepNamespace(project: Project, ns: Namespace): Promise<Namespace> {
    if (!isControlledBy(ns, project) || ns.metadata.deletionTimestamp) return ns;
    return correctMetadataDrift(this.d.kube, Resources.Namespace, desiredNamespace(project), ns);
  }
}
