// Atomic quota admission. Every claim and release is a read-modify-write of the project's Quota
// object at the resourceVersion read, so two API server replicas can never both admit the last
// free instance: one of them gets 409 Conflict from the apiserver, re-reads and decides again.
//
// Under a burst (200 concurrent creates) one write per request would mostly lose races. So the
// requests for one Quota object that arrive while a write is in flight are decided together in
// the next write ("group commit"): each is checked in arrival order against the usage the
// earlier ones left, the admitted ones are written in one replace, and every caller learns its
// outcome only once that write has succeeded. Contention is then between replicas, not requests.
import type { Quota, QuotaClass } from '../../../crds/types.generated.js';
import { createIfAbsent, type KubeClient } from '../../../crds/client/client.js';
import { updateWithRetry, type ConflictRetry } from '../../../crds/client/update.js';
import { MANAGED_BY, MANAGED_BY_LABEL, projectNamespace } from '../../../crds/naming.js';
import { Resources, typeMeta } from '../../../crds/resources.js';
import { classLimits, DEFAULT_QUOTA_CLASS, quotaClassName, type QuotaService } from './quota.defaults.js';
import { overagesOf, withClaim, withoutClaim, type ClaimRequest, type Overage } from './quota.ledger.js';

export type Op = { kind: 'claim'; req: ClaimRequest } | { kind: 'release'; key: string };

interface Pending {
  op: Op;
  resolve: (overages: Overage[]) => void;
  reject: (err: unknown) => void;
}

/** Replicas contend on one object: retry often, briefly. */
const CONFLICT_RETRY: ConflictRetry = { attempts: 60, baseDelayMs: 4 };

export interface QuotaClassLookup {
  get(name: string): QuotaClass | undefined;
}

export class QuotaAdmission {
  private readonly queues = new Map<string, Pending[]>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly kube: KubeClient,
    private readonly quotaClasses: QuotaClassLookup,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds the claim when it fits; otherwise writes nothing and returns why it does not. */
  claim(projectId: string, service: QuotaService, req: ClaimRequest): Promise<Overage[]> {
    return this.enqueue(projectId, service, { kind: 'claim', req });
  }

  /** Removes the claim (a no-op when it is not there). */
  async release(projectId: string, service: QuotaService, key: string): Promise<void> {
    await this.enqueue(projectId, service, { kind: 'release', key });
  }

  private enqueue(projectId: string, service: QuotaService, op: Op): Promise<Overage[]> {
    const id = `${projectId}/${service}`;
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(id) ?? [];
      queue.push({ op, resolve, reject });
      this.queues.set(id, queue);
      if (!this.busy.has(id)) void this.drain(id, projectId, service);
    });
  }

  private async drain(id: string, projectId: string, service: QuotaService): Promise<void> {
    this.busy.add(id);
    try {
      for (let batch = this.take(id); batch.length; batch = this.take(id)) await this.commit(projectId, service, batch);
    } finally {
      this.busy.delete(id);
    }
  }

  private take(id: string): Pending[] {
    const batch = this.queues.get(id) ?? [];
    this.queues.delete(id);
    return batch;
  }

  /** Decides the batch in one write; every caller hears its outcome after the write succeeded. */
  private async commit(projectId: string, service: QuotaService, batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.write(projectId, service, batch.map((p) => p.op));
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (err) {
      batch.forEach((p) => p.reject(err));
    }
  }

  private async write(projectId: string, service: QuotaService, ops: Op[]): Promise<Overage[][]> {
    const namespace = projectNamespace(projectId);
    const defaults = classLimits(service, this.quotaClasses.get(quotaClassName(service, DEFAULT_QUOTA_CLASS)));
    for (let round = 0; round < 2; round++) {
      let outcomes: Overage[][] = [];
      const mutate = (quota: Quota): Quota | undefined => {
        const decided = decide(quota, ops, defaults, this.now());
        outcomes = decided.outcomes;
        return decided.changed ? decided.quota : undefined;
      };
      const result = await updateWithRetry<Quota>(this.kube, Resources.Quota, mutate, { name: service, namespace, retry: CONFLICT_RETRY });
      if (result.outcome === 'written' || result.outcome === 'unchanged') return outcomes;
      if (result.outcome === 'exhausted') throw new Error(`quota ${namespace}/${service} stayed contended for ${CONFLICT_RETRY.attempts} attempts`);
      await createIfAbsent(this.kube, Resources.Quota, emptyQuota(namespace, service)); // first use: then decide again
    }
    throw new Error(`quota ${namespace}/${service} could not be created`);
  }
}

/** A project's Quota object for a service before anything was set or claimed: the class defaults apply. */
export function emptyQuota(namespace: string, service: QuotaService): Quota {
  return { ...typeMeta(Resources.Quota), metadata: { name: service, namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec: { service, limits: {}, claims: {} } };
}

/** Applies the ops in order to the quota: claims that fit are added, the others report their overages. */
export function decide(start: Quota, ops: Op[], defaults: Record<string, number>, now: Date): { quota: Quota; outcomes: Overage[][]; changed: boolean } {
  let quota = start;
  let changed = false;
  const outcomes = ops.map((op) => {
    if (op.kind === 'release') {
      if (quota.spec.claims?.[op.key] === undefined) return [];
      quota = withoutClaim(quota, op.key);
      changed = true;
      return [];
    }
    const overages = overagesOf(quota, defaults, op.req);
    if (overages.length === 0) {
      quota = withClaim(quota, op.req, now);
      changed = true;
    }
    return overages;
  });
  return { quota, outcomes, changed };
}
