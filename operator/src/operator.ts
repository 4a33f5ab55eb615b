// Wiring: informers (started at once, in every replica), the server and project controllers (run
// only while this replica leads), and leader election. Each leadership term gets fresh controllers
// that start with every cached object queued, so a new leader re-checks the whole world.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { Flavor, Image, Project, Server } from '../../crds/types.generated.js';
import type { KubeClient } from '../../crds/client/client.js';
import { Informer } from '../../crds/client/informer.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../crds/naming.js';
import { Resources } from '../../crds/resources.js';
import { newProjectController, watchProjects } from './controllers/project/project.controller.js';
import { newServerController, watchServers } from './controllers/server/server.controller.js';
import type { Controller } from './runtime/controller.js';
import { KubeEventRecorder } from './runtime/events.js';
import type { Namespace, Node, Pod } from '../../crds/kube-types.js';
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

interface Informers {
  servers: Informer<Server>;
  pods: Informer<Pod>;
  flavors: Informer<Flavor>;
  images: Informer<Image>;
  nodes: Informer<Node>;
  projects: Informer<Project>;
  namespaces: Informer<Namespace>;
}

function createInformers(kube: KubeClient, log: Logger): Informers {
  const managed = { labelSelector: `${MANAGED_BY_LABEL}=${MANAGED_BY}` };
  return {
    servers: new Informer<Server>(kube, Resources.Server, {}, log),
    pods: new Informer<Pod>(kube, Resources.Pod, managed, log),
    flavors: new Informer<Flavor>(kube, Resources.Flavor, {}, log),
    images: new Informer<Image>(kube, Resources.Image, {}, log),
    nodes: new Informer<Node>(kube, Resources.Node, {}, log),
    projects: new Informer<Project>(kube, Resources.Project, {}, log),
    namespaces: new Informer<Namespace>(kube, Resources.Namespace, managed, log),
  };
}

interface Term {
  server: Controller;
  project: Controller;
}

class Operator implements RunningOperator {
  readonly ready: Promise<void>;
  readonly leading: Promise<void>;
  private markLeading!: () => void;
  private readonly inf: Informers;
  private readonly log: Required<Logger>;
  private readonly events: KubeEventRecorder;
  private readonly metrics: OperatorMetrics;
  private readonly elector: LeaderElector | undefined;
  private term: Term | undefined;
  private termSeq = 0;

  constructor(private readonly opts: OperatorOptions) {
    const identity = opts.identity ?? `${hostname()}_${randomUUID()}`;
    this.log = withFields(opts.log ?? silentLogger, { component: 'operator' });
    this.metrics = new OperatorMetrics(opts.metrics);
    this.events = new KubeEventRecorder(opts.kube, { instance: identity, log: this.log });
    this.inf = createInformers(opts.kube, this.log);
    this.leading = new Promise((resolve) => (this.markLeading = resolve));
    watchServers(this.inf, (key) => this.term?.server.enqueue(key));
    watchProjects(this.inf, (key) => this.term?.project.enqueue(key));
    this.ready = Promise.all(this.informers().map((i) => i.start())).then(() => {
      this.log.info('caches synced');
    });
    this.elector = opts.leaderElection === false ? undefined : this.newElector(identity);
  }

  private informers(): { start(): Promise<void>; stop(): void }[] {
    return Object.values(this.inf) as Informer<Server | Pod | Flavor | Image | Node | Project | Namespace>[];
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

  private newTerm(): Term {
    const { kube, workers = 4 } = this.opts;
    const setup = { workers, metrics: this.metrics, log: this.log };
    const { servers, pods, flavors, images, nodes, projects, namespaces } = this.inf;
    const server = newServerController({ kube, servers, pods, flavors, images, nodes, events: this.events }, setup);
    const project = newProjectController({ kube, projects, namespaces, events: this.events }, setup);
    for (const s of servers.list()) server.enqueue(keyOf(s));
    for (const p of projects.list()) project.enqueue(keyOf(p));
    server.start();
    project.start();
    return { server, project };
  }

  private async endTerm(): Promise<void> {
    this.termSeq++;
    const term = this.term;
    this.term = undefined;
    if (term) await Promise.all([term.server.stop(), term.project.stop()]);
  }

  async stop(): Promise<void> {
    if (this.elector) await this.elector.stop();
    else await this.endTerm();
    // A term still waiting for the caches sees termSeq moved on and never starts.
    for (const informer of this.informers()) informer.stop();
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
