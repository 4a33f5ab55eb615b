// The Project's status as a pure function of its Namespace.
import type { Project, ProjectStatus } from '../../../../crds/types.generated.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { setConditions, type ConditionInput } from '../../runtime/conditions.js';
import type { Namespace } from '../../../../crds/kube-types.js';

export const ProjectReason = {
  NamespaceActive: 'NamespaceActive',
  NamespacePending: 'NamespacePending',
  NamespaceTerminating: 'NamespaceTerminating',
  NamespaceConflict: 'NamespaceConflict',
  ReconcileSuccess: 'ReconcileSuccess',
  ReconcileError: 'ReconcileError',
} as const;

function readiness(name: string, ns: Namespace | undefined): Omit<ConditionInput, 'type'> {
  if (!ns) return { status: 'False', reason: ProjectReason.NamespacePending, message: `Waiting for namespace ${name} to be created` };
  if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') {
    return { status: 'False', reason: ProjectReason.NamespaceTerminating, message: `Namespace ${name} is terminating` };
  }
  if (ns.status?.phase !== 'Active') return { status: 'False', reason: ProjectReason.NamespacePending, message: `Namespace ${name} is not active yet` };
  return { status: 'True', reason: ProjectReason.NamespaceActive, message: `Namespace ${name} is active` };
}

/**
 * Ready reflects the namespace; conflict, when set, is a problem retrying cannot fix (the
 * namespace belongs to something else) and makes both conditions False.
 */
export function computeProjectStatus(project: Project, ns: Namespace | undefined, now: Date, conflict?: string): ProjectStatus {
  const name = projectNamespace(project.metadata.name);
  const observedGeneration = project.metadata.generation;
  const ready = conflict ? { status: 'False' as const, reason: ProjectReason.NamespaceConflict, message: conflict } : readiness(name, ns);
  const synced = conflict
    ? { status: 'False' as const, reason: ProjectReason.ReconcileError, message: conflict }
    : { status: 'True' as const, reason: ProjectReason.ReconcileSuccess, message: 'Reconciled' };
  const conditions = setConditions(
    project.status?.conditions,
    [
      { type: 'Ready', ...ready, observedGeneration },
      { type: 'Synced', ...synced, observedGeneration },
    ],
    now,
  );
  return { namespace: name, ...(observedGeneration !== undefined ? { observedGeneration } : {}), conditions };
}
