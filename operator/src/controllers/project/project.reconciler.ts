// Level-triggered reconcile of one Project: its Namespace exists, is ours, and the status says so.
// Deletion needs no finalizer: the Namespace's controller ownerReference lets the garbage
// collector remove it with the Project.
import type { Project, ProjectStatus } from '../../../../crds/types.generated.js';
import { isAlreadyExists, type KubeClient } from '../../../../crds/client/client.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import { findCondition } from '../../runtime/conditions.js';
import { TerminalError, type ReconcileResult } from '../../runtime/controller.js';
import type { EventRecorder } from '../../runtime/events.js';
import type { Namespace } from '../../../../crds/kube-types.js';
import { isControlledBy, statusEqual, type ObjectCache } from '../../runtime/objects.js';
import { WriteTracker } from '../../runtime/write-tracker.js';
import { desiredNamespace } from './project.resources.js';
import { computeProjectStatus, ProjectReason } from './project.status.js';

export interface ProjectReconcilerDeps {
  kube: KubeClient;
  projects: ObjectCache<Project>;
  namespaces: ObjectCache<Namespace>;
  events: EventRecorder;
  now?: () => Date;
}

export class ProjectReconciler {
  private readonly writes = new WriteTracker();

  constructor(private readonly d: ProjectReconcilerDeps) {}

  readonly reconcile = async (key: string): Promise<ReconcileResult> => {
    const cached = this.d.projects.get(key);
    if (!cached || cached.metadata.deletionTimestamp) {
      this.writes.forget(key);
      return {};
    }
    // The cache has not seen our last status write yet; its watch event brings the key back.
    if (this.writes.isStale(key, cached)) return { requeueAfter: 1_000 };
    const project = structuredClone(cached);
    const ns = await this.ensureNamespace(project);
    const now = this.d.now?.() ?? new Date();
    if (ns && !isControlledBy(ns, project)) {
      const conflict = `Namespace ${ns.metadata.name} already exists and is not controlled by this project`;
      await this.writeStatus(project, computeProjectStatus(project, ns, now, conflict));
      throw new TerminalError(conflict, ProjectReason.NamespaceConflict);
    }
    await this.writeStatus(project, computeProjectStatus(project, ns, now));
    return {};
  };

  private async ensureNamespace(project: Project): Promise<Namespace | undefined> {
    const name = projectNamespace(project.metadata.name);
    const cached = this.d.namespaces.get(name);
    if (cached) return cached;
    try {
      const ns = await this.d.kube.create<Namespace>(Resources.Namespace, desiredNamespace(project));
      this.d.events.record(Resources.Project, project, { type: 'Normal', reason: 'CreatedNamespace', note: `Created namespace ${name}` });
      return ns;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      return this.d.kube.get<Namespace>(Resources.Namespace, name);
    }
  }

  private async writeStatus(project: Project, next: ProjectStatus): Promise<void> {
    if (statusEqual(project.status, next)) return;
    this.writes.record(project.metadata.name, await this.d.kube.replaceStatus<Project>(Resources.Project, { ...project, status: next }));
    const was = findCondition(project.status?.conditions, 'Ready')?.reason;
    const now = findCondition(next.conditions, 'Ready')?.reason;
    if (now === ProjectReason.NamespaceConflict && was !== now) {
      this.d.events.record(Resources.Project, project, { type: 'Warning', reason: 'CannotAdoptNamespace', note: findCondition(next.conditions, 'Ready')?.message ?? '' });
    }
  }
}
