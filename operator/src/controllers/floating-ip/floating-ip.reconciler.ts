// The FloatingIP kind's half of the reconcile shell: while it is associated, its Service exists,
// is ours, and matches (server-side apply when it drifts: the port moved to another server, say);
// while it is not, there is no Service. The status says which. Deletion needs no finalizer: the
// Service's controller ownerReference lets the garbage collector remove it with the floating IP.
import type { FloatingIP, FloatingIPStatus, Port } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import type { Service } from '../../../../crds/kube-types.js';
import { createOrGet, keepApplied } from '../../runtime/apply.js';
import { findCondition } from '../../runtime/conditions.js';
import { TerminalError, type ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import { isControlledBy, type ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { decidedSpec, desiredService, serviceName } from './floating-ip.resources.js';
import { computeFloatingIpStatus, FloatingIpReason } from './floating-ip.status.js';

export interface FloatingIpReconcilerDeps {
  kube: KubeClient;
  floatingIPs: ObjectCache<FloatingIP>;
  ports: ObjectCache<Port>;
  services: ObjectCache<Service>;
  events: EventRecorder;
  now?: () => Date;
}

type Outcome = StepOutcome<FloatingIPStatus>;

export class FloatingIpReconciler implements ReconcileAdapter<FloatingIP, FloatingIPStatus> {
  readonly res = Resources.FloatingIP;
  readonly cache: ObjectCache<FloatingIP>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: FloatingIpReconcilerDeps) {
    this.cache = d.floatingIPs;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(f: FloatingIP, ctx: StepContext<FloatingIP>): Promise<Outcome> {
    const observed = this.d.services.get(serviceName(f), f.metadata.namespace);
    if (observed && !isControlledBy(observed, f)) {
      const conflict = `Service ${observed.metadata.name} already exists and is not controlled by this floating IP`;
      return { status: computeFloatingIpStatus(f, undefined, ctx.now, conflict), terminal: new TerminalError(conflict, FloatingIpReason.ServiceConflict) };
    }
    if (!f.spec.portId) {
      if (observed) await this.remove(f, observed);
      return { status: computeFloatingIpStatus(f, undefined, ctx.now) };
    }
    const desired = desiredService(f, this.d.ports.get(f.spec.portId, f.metadata.namespace));
    const service = observed ? await this.keep(desired, observed) : await this.create(f, desired);
    return { status: computeFloatingIpStatus(f, service, ctx.now) };
  }

  async finalize(): Promise<Outcome> {
    return {};
  }

  transitionEvents(prev: FloatingIPStatus | undefined, next: FloatingIPStatus): EventSpec[] {
    const ready = findCondition(next.conditions, 'Ready');
    if (ready?.reason !== FloatingIpReason.ServiceConflict || findCondition(prev?.conditions, 'Ready')?.reason === ready.reason) return [];
    return [{ type: 'Warning', reason: 'CannotAdoptService', note: ready.message }];
  }

  /** A plain create, never an apply: a same-named Service that is not ours must not be taken over. */
  private async create(f: FloatingIP, desired: Service): Promise<Service> {
    const { object, created } = await createOrGet(this.d.kube, Resources.Service, desired);
    if (created) this.d.events.record(Resources.FloatingIP, f, { type: 'Normal', reason: 'CreatedService', note: `Created service ${object.metadata.name} for ${f.spec.floatingIpAddress}` });
    return object;
  }

  /** Re-applies the Service when what the builder decides, or our metadata, drifted; else sends nothing. */
  private keep(desired: Service, observed: Service): Promise<Service> {
    return keepApplied(this.d.kube, Resources.Service, { desired, observed, decided: decidedSpec });
  }

  private async remove(f: FloatingIP, service: Service): Promise<void> {
    if (service.metadata.deletionTimestamp) return;
    await this.d.kube.delete(Resources.Service, service.metadata.name, service.metadata.namespace);
    this.d.events.record(Resources.FloatingIP, f, { type: 'Normal', reason: 'DeletedService', note: `Deleted service ${service.metadata.name}: the floating IP was disassociated` });
  }
}
