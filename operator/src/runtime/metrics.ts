// Prometheus metrics with controller-runtime's names under the openstack_sim_ prefix, registered in
// the Registry the caller passes (never the global one) through the shared get-or-create helpers,
// so several operators (or restarts within one process) can share a registry.
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { counter, gauge, histogram } from '../../../crds/client/metrics.js';
import type { ControllerMetrics, ReconcileOutcome } from './controller.js';
import type { QueueMetrics } from './work-queue.js';

const PREFIX = 'openstack_sim_';

const RECONCILE_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2,
  2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
];
// 10ns .. 1000s, as client-go's workqueue metrics.
const QUEUE_BUCKETS = Array.from({ length: 12 }, (_, i) => 1e-8 * 10 ** i);

export class OperatorMetrics {
  private readonly reconcileTotal: Counter<'controller' | 'result'>;
  private readonly reconcileErrors: Counter<'controller'>;
  private readonly reconcileTime: Histogram<'controller'>;
  private readonly depth: Gauge<'name'>;
  private readonly adds: Counter<'name'>;
  private readonly retries: Counter<'name'>;
  private readonly queueDuration: Histogram<'name'>;
  private readonly leader: Gauge<'name'>;

  constructor(r: Registry) {
    this.reconcileTotal = counter(r, { name: PREFIX + 'reconcile_total', help: 'Total number of reconciliations per controller', labelNames: ['controller', 'result'] });
    this.reconcileErrors = counter(r, { name: PREFIX + 'reconcile_errors_total', help: 'Total number of reconciliation errors per controller', labelNames: ['controller'] });
    this.reconcileTime = histogram(r, {
      name: PREFIX + 'reconcile_time_seconds',
      help: 'Length of time per reconciliation per controller',
      labelNames: ['controller'],
      buckets: RECONCILE_BUCKETS,
    });
    this.depth = gauge(r, { name: PREFIX + 'workqueue_depth', help: 'Current depth of workqueue', labelNames: ['name'] });
    this.adds = counter(r, { name: PREFIX + 'workqueue_adds_total', help: 'Total number of adds handled by workqueue', labelNames: ['name'] });
    this.retries = counter(r, { name: PREFIX + 'workqueue_retries_total', help: 'Total number of retries handled by workqueue', labelNames: ['name'] });
    this.queueDuration = histogram(r, {
      name: PREFIX + 'workqueue_queue_duration_seconds',
      help: 'How long in seconds an item stays in workqueue before being requested',
      labelNames: ['name'],
      buckets: QUEUE_BUCKETS,
    });
    this.leader = gauge(r, { name: PREFIX + 'leader_election_master_status', help: 'Whether this replica is the leader (1) or not (0)', labelNames: ['name'] });
  }

  forController(controller: string): ControllerMetrics {
    return {
      reconciled: (result: ReconcileOutcome, seconds: number) => {
        this.reconcileTotal.inc({ controller, result });
        this.reconcileTime.observe({ controller }, seconds);
      },
      errored: () => this.reconcileErrors.inc({ controller }),
    };
  }

  forQueue(name: string): QueueMetrics {
    return {
      added: () => this.adds.inc({ name }),
      depth: (n: number) => this.depth.set({ name }, n),
      retried: () => this.retries.inc({ name }),
      waited: (seconds: number) => this.queueDuration.observe({ name }, seconds),
    };
  }

  setLeader(name: string, leading: boolean): void {
    this.leader.set({ name }, leading ? 1 : 0);
  }
}
