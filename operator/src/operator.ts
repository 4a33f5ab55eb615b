// Wiring: informers (started at once, in every replica), the registered controllers (run only
// while this replica leads), and leader election. Each leadership term gets fresh controllers
// that start with every cached object queued, so a new leader re-checks the whole world. Nothing
// here names a kind: controllers/index.ts lists them and controllers/caches.ts their caches.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { KubeObject } from '../../crds/kube-object.js';
import type { KubeClient } from '../../crds/client/client.js';
import { Informer } from '../../crds/client/informer.js';
import { CACHES, type CacheName, type Caches } from './controllers/caches.js';
import { CONTROLLERS } from './controllers/index.js';
import type { RegisteredController } from './controllers/registry.js';
import { newController, type Controller } from './runtime/controller.js';
import { KubeEventRecorder } from './runtime/events.js';
import { LeaderElector, type LeaseTimings } from './runtime/leader-election.js';
import { silentLogger, withFields, type Logger } from '../../crds/client/logger.js';
import { OperatorMetrics } from './runtime/metrics.js';
import { keyOf } from './runtime/objects.js';

export const LEASE_NAME = 'openstack-sim-operator';

export interface OperatorOptions {
  kube: KubeClient;
  metrics: Registry;
  /** This replica's identity in the Lease and in events; hostname_uuid by default. */
  identity?: string;
  leaseNamespace: string;
  leaseName?: string;
  /** Concurrent reconciles per controller (4 by default). */
  workers?: number;
  log?: Logger;
  /** true by default; false runs the controllers at once (a single replica). */
  leaderElection?: boolean;
  /** Lease durations; tests shorten them. */
  leaseTimings?: Partial<LeaseTimings>;
  /** The controllers to run; every registered one by default. */
  controllers?: readonly RegisteredController[];
}

export interface RunningOperator {
  /** Resolves when every informer has filled its cache (what /readyz reports). */
  ready: Promise<void>;
  /** Resolves when the controllers first start (after winning the election). */
  leading: Promise<void>;
  isLeader(): boolean;
  /** Stops the controllers, releases the Lease and stops the informers. */
  stop(): Promise<void>;
}

/** One informer per cache some controller needs, each started once however many read it. */
function createInformers(kube: KubeClient, controllers: readonly RegisteredController[], log: Logger): Map<CacheName, Informer<KubeObject>> {
  const out = new Map<CacheName, Informer<KubeObject>>();
  for (const name of new Set(controllers.flatMap((c) => c.informers))) {
    const { res, selector } = CACHES[name];
    out.set(name, new Informer<KubeObject>(kube, res, selector, log));
  }
  return out;
}

/**
 * The started informers as the typed caches controllers read: each informer was built from its
 * CACHES entry, whose type parameter names the object it holds.
 */
function asCaches(informers: Map<CacheName, Informer<KubeObject>>): Partial<Caches> {
  return Object.fromEntries<Informer<KubeObject>>(informers);
}

class Operator implements RunningOperator {
  readonly ready: Promise<void>;
  readonly leading: Promise<void>;
  private markLeading!: () => void;
  private readonly controllers: readonly RegisteredController[];
  private readonly inf: Map<CacheName, Informer<KubeObject>>;
  private readonly log: Required<Logger>;
  private readonly events: KubeEventRecorder;
  private readonly metrics: OperatorMetrics;
  private readonly elector: LeaderElector | undefined;
  /** The running controllers of this leadership term, by name. */
  private term: Map<string, Controller> | undefined;
  private termSeq = 0;

  constructor(private readonly opts: OperatorOptions) {
    const identity = opts.identity ?? `${hostname()}_${randomUUID()}`;
    this.log = withFields(opts.log ?? silentLogger, { component: 'operator' });
    this.metrics = new OperatorMetrics(opts.metrics);
    this.events = new KubeEventRecorder(opts.kube, { instance: identity, log: this.log });
    this.controllers = opts.controllers ?? CONTROLLERS;
    this.inf = createInformers(opts.kube, this.controllers, this.log);
    this.leading = new Promise((resolve) => (this.markLeading = resolve));
    const caches = asCaches(this.inf);
    for (const c of this.controllers) c.watch(caches, (key) => this.term?.get(c.name)?.enqueue(key));
    this.ready = Promise.all([...this.inf.values()].map((i) => i.start())).then(() => {
      this.log.info('caches synced');
    });
    this.elector = opts.leaderElection === false ? undefined : this.newElector(identity);
  }

  private newElector(identity: string): LeaderElector {
    const name = this.opts.leaseName ?? LEASE_NAME;
    return new LeaderElector({
      kube: this.opts.kube,
      namespace: this.opts.leaseNamespace,
      name,
      identity,
      timings: this.opts.leaseTimings,
      log: this.log,
      onStartedLeading: () => {
        this.metrics.setLeader(name, true);
        this.beginTerm();
      },
      onStoppedLeading: async () => {
        this.metrics.setLeader(name, false);
        await this.endTerm();
      },
    });
  }

  run(): void {
    if (this.elector) this.elector.start();
    else this.beginTerm();
  }

  isLeader(): boolean {
    return this.elector ? this.elector.isLeader() : true;
  }

  /** Starts fresh controllers once the caches are synced, unless the term ended meanwhile. */
  private beginTerm(): void {
    const seq = ++this.termSeq;
    void this.ready.then(() => {
      if (seq !== this.termSeq) return;
      this.term = this.newTerm();
      this.markLeading();
    });
  }

  private newTerm(): Map<string, Controller> {
    const { kube, workers = 4 } = this.opts;
    const setup = { workers, metrics: this.metrics, log: this.log };
    const caches = asCaches(this.inf);
    const term = new Map<string, Controller>();
    for (const c of this.controllers) {
      const controller = newController(c.name, c.newReconciler({ kube, events: this.events, caches }), setup);
      for (const obj of this.inf.get(c.primary)?.list() ?? []) controller.enqueue(keyOf(obj));
      controller.start();
      term.set(c.name, controller);
    }
    return term;
  }

  private async endTerm(): Promise<void> {
    this.termSeq++;
    const term = this.term;
    this.term = undefined;
    if (term) await Promise.all([...term.values()].map((c) => c.stop()));
  }

  async stop(): Promise<void> {
    if (this.elector) await this.elector.stop();
    else await this.endTerm();
    // A term still waiting for the caches sees termSeq moved on and never starts.
    for (const informer of this.inf.values()) informer.stop();
    await this.events.flush();
    this.log.info('operator stopped');
  }
}

/** Starts the informers and, while this replica leads, the controllers. */
export function startOperator(opts: OperatorOptions): Promise<RunningOperator> {
  const op = new Operator(opts);
  op.run();
  return Promise.resolve(op);
}
