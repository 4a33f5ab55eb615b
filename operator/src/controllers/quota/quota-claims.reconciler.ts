// The Quota kind's sweep: a claim past the grace period whose holder is missing is removed from
// the ledger under the Quota's resourceVersion (a write in between re-reads and decides again);
// a young claim is looked at again when it comes of age. No status, no finalizer.
import type { KubeObject } from '../../../../crds/kube-object.js';
import type { Quota } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { updateWithRetry } from '../../../../crds/client/update.js';
import { Resources } from '../../../../crds/resources.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import type { ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { claimsToCheck, withoutStale, type Holder } from './quota-claims.sweep.js';

type NoStatus = Record<string, never>;

export interface QuotaClaimsReconcilerDeps {
  kube: KubeClient;
  quotas: ObjectCache<Quota>;
  /**
   * Caches of holder kinds, by kind: a holder found there exists; one not found (or of a kind
   * without a cache) is looked for with a GET before its claim is removed, so a lagging cache
   * never costs a claim.
   */
  holders: Partial<Record<string, ObjectCache<KubeObject>>>;
  events: EventRecorder;
  now?: () => Date;
  graceMs?: number;
}

export class QuotaClaimsReconciler implements ReconcileAdapter<Quota, NoStatus> {
  readonly res = Resources.Quota;
  readonly cache: ObjectCache<Quota>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: QuotaClaimsReconcilerDeps) {
    this.cache = d.quotas;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  private async exists(h: Holder, namespace: string | undefined): Promise<boolean> {
    const ns = h.res.namespaced ? namespace : undefined;
    if (this.d.holders[h.res.kind]?.get(h.name, ns)) return true;
    return (await this.d.kube.get(h.res, h.name, ns)) !== undefined;
  }

  async sync(q: Quota, ctx: StepContext<Quota>): Promise<StepOutcome<NoStatus>> {
    const { old, recheckAfterMs } = claimsToCheck(q, ctx.now, this.d.graceMs);
    const stale = new Map<string, string>();
    for (const c of old) if (!(await this.exists(c.holder, q.metadata.namespace))) stale.set(c.key, c.claimedAt);
    if (stale.size) await updateWithRetry<Quota>(this.d.kube, Resources.Quota, (cur) => withoutStale(cur, stale), { name: q.metadata.name, namespace: q.metadata.namespace, retry: { attempts: 10, baseDelayMs: 20 } });
    return recheckAfterMs === undefined ? {} : { requeueAfter: recheckAfterMs };
  }

  async finalize(): Promise<StepOutcome<NoStatus>> {
    return {};
  }

  transitionEvents(): EventSpec[] {
    return [];
  }
}
