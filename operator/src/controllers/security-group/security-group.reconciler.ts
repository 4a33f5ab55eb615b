// The SecurityGroup kind's half of the reconcile shell: its NetworkPolicy exists, is ours, and its
// spec and owned metadata match the rules (server-side apply when they drift); the status says so.
// Deletion needs no finalizer: the policy's controller ownerReference lets the garbage collector
// remove it with the group.
import type { SecurityGroup, SecurityGroupStatus } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import type { NetworkPolicy } from '../../../../crds/kube-types.js';
import { createOrGet, keepApplied } from '../../runtime/apply.js';
import { findCondition } from '../../runtime/conditions.js';
import { TerminalError, type ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import { isControlledBy, type ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepOutcome, type StepContext } from '../../runtime/reconcile-shell.js';
import { desiredNetworkPolicy } from './security-group.resources.js';
import { computeSecurityGroupStatus, SecurityGroupReason } from './security-group.status.js';

export interface SecurityGroupReconcilerDeps {
  kube: KubeClient;
  securityGroups: ObjectCache<SecurityGroup>;
  networkPolicies: ObjectCache<NetworkPolicy>;
  events: EventRecorder;
  now?: () => Date;
}

type Outcome = StepOutcome<SecurityGroupStatus>;

export class SecurityGroupReconciler implements ReconcileAdapter<SecurityGroup, SecurityGroupStatus> {
  readonly res = Resources.SecurityGroup;
  readonly cache: ObjectCache<SecurityGroup>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: SecurityGroupReconcilerDeps) {
    this.cache = d.securityGroups;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(sg: SecurityGroup, ctx: StepContext<SecurityGroup>): Promise<Outcome> {
    const desired = desiredNetworkPolicy(sg);
    const observed = this.d.networkPolicies.get(desired.metadata.name, desired.metadata.namespace) ?? (await this.create(sg, desired));
    if (!isControlledBy(observed, sg)) {
      const conflict = `NetworkPolicy ${observed.metadata.name} already exists and is not controlled by this security group`;
      return { status: computeSecurityGroupStatus(sg, observed, ctx.now, conflict), terminal: new TerminalError(conflict, SecurityGroupReason.PolicyConflict) };
    }
    return { status: computeSecurityGroupStatus(sg, await this.keep(desired, observed), ctx.now) };
  }

  async finalize(): Promise<Outcome> {
    return {};
  }

  transitionEvents(prev: SecurityGroupStatus | undefined, next: SecurityGroupStatus): EventSpec[] {
    const ready = findCondition(next.conditions, 'Ready');
    if (ready?.reason !== SecurityGroupReason.PolicyConflict || findCondition(prev?.conditions, 'Ready')?.reason === ready.reason) return [];
    return [{ type: 'Warning', reason: 'CannotAdoptNetworkPolicy', note: ready.message }];
  }

  /** A plain create, never an apply: a same-named policy that is not ours must not be taken over. */
  private async create(sg: SecurityGroup, desired: NetworkPolicy): Promise<NetworkPolicy> {
    const { object, created } = await createOrGet(this.d.kube, Resources.NetworkPolicy, desired);
    if (created) this.d.events.record(Resources.SecurityGroup, sg, { type: 'Normal', reason: 'CreatedNetworkPolicy', note: `Created network policy ${object.metadata.name}` });
    return object;
  }

  /** Re-applies the whole policy when its spec or our metadata drifted (a rule changed, say); else sends nothing. */
  private keep(desired: NetworkPolicy, observed: NetworkPolicy): Promise<NetworkPolicy> {
    return keepApplied(this.d.kube, Resources.NetworkPolicy, { desired, observed, decided: (p) => p.spec });
  }
}
