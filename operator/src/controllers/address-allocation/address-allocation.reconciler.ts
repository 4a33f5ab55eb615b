// The AddressAllocation kind's half of the reconcile shell: it has no status to write; sync deletes
// an orphaned allocation (see address-allocation.sweep.ts), rechecks a young one when its grace
// period ends, and leaves a held one alone.
import type { AddressAllocation, Port } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import type { ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { sweepDecision } from './address-allocation.sweep.js';

type NoStatus = Record<string, never>;

export interface AddressAllocationReconcilerDeps {
  kube: KubeClient;
  addressAllocations: ObjectCache<AddressAllocation>;
  ports: ObjectCache<Port>;
  events: EventRecorder;
  now?: () => Date;
  graceMs?: number;
}

export class AddressAllocationReconciler implements ReconcileAdapter<AddressAllocation, NoStatus> {
  readonly res = Resources.AddressAllocation;
  readonly cache: ObjectCache<AddressAllocation>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: AddressAllocationReconcilerDeps) {
    this.cache = d.addressAllocations;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(a: AddressAllocation, ctx: StepContext<AddressAllocation>): Promise<StepOutcome<NoStatus>> {
    const holder = this.d.ports.get(a.spec.portId, a.spec.portNamespace) !== undefined;
    const decision = sweepDecision(a, holder, ctx.now, this.d.graceMs);
    if (decision.action === 'recheck') return { requeueAfter: decision.afterMs };
    if (decision.action === 'delete') await this.d.kube.delete(Resources.AddressAllocation, a.metadata.name);
    return {};
  }

  async finalize(): Promise<StepOutcome<NoStatus>> {
    return {};
  }

  transitionEvents(): EventSpec[] {
    return [];
  }
}
