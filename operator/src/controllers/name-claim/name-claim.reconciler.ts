// The NameClaim kind's half of the reconcile shell: no status; sync deletes an orphaned claim
// (see name-claim.sweep.ts), rechecks a young one when its grace period ends, and leaves a held
// one alone.
import type { ApplicationCredential, Domain, Group, NameClaim, Project, Role, User } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import type { ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { nameClaimDecision, type HolderLookup } from './name-claim.sweep.js';

type NoStatus = Record<string, never>;

export interface NameClaimReconcilerDeps {
  kube: KubeClient;
  nameClaims: ObjectCache<NameClaim>;
  domains: ObjectCache<Domain>;
  projects: ObjectCache<Project>;
  users: ObjectCache<User>;
  groups: ObjectCache<Group>;
  roles: ObjectCache<Role>;
  applicationCredentials: ObjectCache<ApplicationCredential>;
  events: EventRecorder;
  now?: () => Date;
  graceMs?: number;
}

export class NameClaimReconciler implements ReconcileAdapter<NameClaim, NoStatus> {
  readonly res = Resources.NameClaim;
  readonly cache: ObjectCache<NameClaim>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: NameClaimReconcilerDeps) {
    this.cache = d.nameClaims;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  private readonly holder: HolderLookup = (kind, id) => {
    const caches: Record<string, ObjectCache<{ metadata: { name: string } } & object> | undefined> = {
      [Resources.Domain.kind]: this.d.domains,
      [Resources.Role.kind]: this.d.roles,
      [Resources.Project.kind]: this.d.projects,
      [Resources.User.kind]: this.d.users,
      [Resources.Group.kind]: this.d.groups,
      [Resources.ApplicationCredential.kind]: this.d.applicationCredentials,
    };
    const cache = caches[kind];
    return cache ? cache.get(id) !== undefined : undefined;
  };

  async sync(c: NameClaim, ctx: StepContext<NameClaim>): Promise<StepOutcome<NoStatus>> {
    const decision = nameClaimDecision(c, this.holder, ctx.now, this.d.graceMs);
    if (decision.action === 'recheck') return { requeueAfter: decision.afterMs };
    if (decision.action === 'delete') await this.d.kube.delete(Resources.NameClaim, c.metadata.name, undefined, { preconditions: { uid: c.metadata.uid } });
    return {};
  }

  async finalize(): Promise<StepOutcome<NoStatus>> {
    return {};
  }

  transitionEvents(): EventSpec[] {
    return [];
  }
}
