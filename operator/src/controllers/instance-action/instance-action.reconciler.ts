// The InstanceAction kind's half of the reconcile shell: nothing to create, only the status to
// compute from the action's server; the shell writes it when it changed.
import type { InstanceAction, InstanceActionStatus, Server } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import type { ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { computeActionStatus } from './instance-action.status.js';

export interface InstanceActionReconcilerDeps {
  kube: KubeClient;
  instanceActions: ObjectCache<InstanceAction>;
  servers: ObjectCache<Server>;
  events: EventRecorder;
  now?: () => Date;
}

export class InstanceActionReconciler implements ReconcileAdapter<InstanceAction, InstanceActionStatus> {
  readonly res = Resources.InstanceAction;
  readonly cache: ObjectCache<InstanceAction>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: InstanceActionReconcilerDeps) {
    this.cache = d.instanceActions;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(action: InstanceAction, ctx: StepContext<InstanceAction>): Promise<StepOutcome<InstanceActionStatus>> {
    const server = this.d.servers.get(action.spec.serverId, action.metadata.namespace);
    return { status: computeActionStatus(action, server, ctx.now) };
  }

  async finalize(): Promise<StepOutcome<InstanceActionStatus>> {
    return {};
  }

  /** The action's record is its own story: no Kubernetes events. */
  transitionEvents(): EventSpec[] {
    return [];
  }
}
