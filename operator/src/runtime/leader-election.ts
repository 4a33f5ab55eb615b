// Leader election on a coordination.k8s.io/v1 Lease, after client-go's leaderelection package.
// - Acquire: create the Lease, or take it over with a resourceVersion-guarded replace once the
//   holder has not renewed for a lease duration (measured on our clock from when we last saw the
//   record change, so clock skew between replicas does not matter), or when it is released.
// - Renew every retry period; if no renewal succeeds within the renew deadline, leadership is
//   lost: onStoppedLeading runs, then the elector campaigns again.
// - stop(): stops campaigning; a leader runs onStoppedLeading, then releases the Lease by
//   clearing holderIdentity so that another replica takes over at once.
import { isAlreadyExists, isConflict, type KubeClient } from '../../../crds/client/client.js';
import { Resources } from '../../../crds/resources.js';
import { microTime, sleep, withTimeout } from './clock.js';
import type { Lease, LeaseSpec } from '../../../crds/kube-types.js';
import { silentLogger, type Logger } from '../../../crds/client/logger.js';

export interface LeaseTimings {
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
}

export const DEFAULT_LEASE_TIMINGS: LeaseTimings = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

export interface LeaderElectorOptions {
  kube: KubeClient;
  namespace: string;
  name: string;
  identity: string;
  timings?: Partial<LeaseTimings>;
  onStartedLeading(): void | Promise<void>;
  onStoppedLeading(): void | Promise<void>;
  log?: Logger;
  now?: () => number;
}

export class LeaderElector {
  private readonly timings: LeaseTimings;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly abort = new AbortController();
  private observed: { key: string; at: number } | undefined;
  private lease: Lease | undefined;
  private leading = false;
  private running: Promise<void> | undefined;

  constructor(private readonly opts: LeaderElectorOptions) {
    this.timings = { ...DEFAULT_LEASE_TIMINGS, ...opts.timings };
    this.log = opts.log ?? silentLogger;
    this.now = opts.now ?? Date.now;
  }

  isLeader(): boolean {
    return this.leading;
  }

  /** Starts campaigning in the background. */
  start(): void {
    this.running ??= this.campaign();
  }

  /** Stops campaigning; a leader steps down and releases the Lease. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async campaign(): Promise<void> {
    while (!this.stopped) {
      if (await this.attempt()) await this.lead();
      else await sleep(this.jittered(), this.abort.signal);
    }
  }

  private async lead(): Promise<void> {
    this.leading = true;
    this.log.info('became leader', { lease: this.opts.name, identity: this.opts.identity });
    await this.call(() => this.opts.onStartedLeading(), 'onStartedLeading');
    await this.renewUntilLost();
    this.leading = false;
    await this.call(() => this.opts.onStoppedLeading(), 'onStoppedLeading');
    if (this.stopped) await this.release();
    else this.log.warn('lost leadership', { lease: this.opts.name, identity: this.opts.identity });
  }

  private async renewUntilLost(): Promise<void> {
    let renewed = this.now();
    while (!this.stopped) {
      await sleep(this.timings.retryPeriodMs, this.abort.signal);
      if (this.stopped) return;
      if (await this.attempt()) renewed = this.now();
      else if (this.now() - renewed >= this.timings.renewDeadlineMs) return;
    }
  }

  private async call(fn: () => void | Promise<void>, what: string): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.log.error(`${what} failed`, { error: err });
    }
  }

  private jittered(): number {
    return this.timings.retryPeriodMs * (1 + Math.random() * 0.2);
  }

  /** One try to acquire or renew; false on any failure (logged at debug level). */
  private async attempt(): Promise<boolean> {
    try {
      return await withTimeout(this.tryAcquireOrRenew(), this.timings.renewDeadlineMs, 'lease update');
    } catch (err) {
      this.log.debug?.('lease attempt failed', { lease: this.opts.name, error: err });
      return false;
    }
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    const { kube, namespace, name } = this.opts;
    const current = await kube.get<Lease>(Resources.Lease, name, namespace);
    if (!current) return this.create();
    this.observe(current);
    const holder = current.spec?.holderIdentity ?? '';
    if (holder && holder !== this.opts.identity && !this.expired()) return false;
    const next: Lease = { ...current, spec: this.nextSpec(current.spec ?? {}) };
    try {
      this.lease = await kube.replace<Lease>(Resources.Lease, next);
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
    this.observe(this.lease);
    return true;
  }

  private async create(): Promise<boolean> {
    const { kube, namespace, name } = this.opts;
    const lease: Lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace }, spec: this.nextSpec({}) };
    try {
      this.lease = await kube.create<Lease>(Resources.Lease, lease);
    } catch (err) {
      if (isAlreadyExists(err)) return false;
      throw err;
    }
    this.observe(this.lease);
    return true;
  }

  private nextSpec(old: LeaseSpec): LeaseSpec {
    const t = microTime(new Date(this.now()));
    const ours = old.holderIdentity === this.opts.identity;
    return {
      holderIdentity: this.opts.identity,
      leaseDurationSeconds: Math.max(1, Math.ceil(this.timings.leaseDurationMs / 1000)),
      acquireTime: ours && old.acquireTime ? old.acquireTime : t,
      renewTime: t,
      leaseTransitions: (old.leaseTransitions ?? 0) + (ours || !old.holderIdentity ? 0 : 1),
    };
  }

  /** Remembers when the record last changed, on our own clock. */
  private observe(lease: Lease): void {
    const s = lease.spec ?? {};
    const key = `${s.holderIdentity ?? ''}|${s.renewTime ?? ''}|${s.leaseTransitions ?? 0}`;
    if (this.observed?.key !== key) this.observed = { key, at: this.now() };
  }

  private expired(): boolean {
    return !this.observed || this.observed.at + this.timings.leaseDurationMs <= this.now();
  }

  private async release(): Promise<void> {
    const lease = this.lease;
    if (!lease || lease.spec?.holderIdentity !== this.opts.identity) return;
    const t = microTime(new Date(this.now()));
    const spec: LeaseSpec = { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1, acquireTime: t, renewTime: t };
    try {
      await withTimeout(this.opts.kube.replace<Lease>(Resources.Lease, { ...lease, spec }), this.timings.renewDeadlineMs, 'lease release');
      this.log.info('released leadership', { lease: this.opts.name, identity: this.opts.identity });
    } catch (err) {
      this.log.warn('cannot release the lease; another replica takes over once it expires', { error: err });
    }
  }
}
