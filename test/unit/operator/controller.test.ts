import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { KubeApiError } from '../../../crds/client/client.js';
import { Controller, TerminalError, type ReconcileResult } from '../../../operator/src/runtime/controller.js';
import { OperatorMetrics } from '../../../operator/src/runtime/metrics.js';
import { ItemExponentialRateLimiter } from '../../../operator/src/runtime/rate-limiter.js';
import { WorkQueue } from '../../../operator/src/runtime/work-queue.js';
import { waitFor } from './fixtures.js';

function setup(reconcile: (key: string, call: number) => ReconcileResult | Promise<ReconcileResult>) {
  const calls: string[] = [];
  const registry = new Registry();
  const metrics = new OperatorMetrics(registry);
  const controller = new Controller({
    name: 'test',
    workers: 3,
    metrics: metrics.forController('test'),
    queue: new WorkQueue({ rateLimiter: new ItemExponentialRateLimiter(2, 50), metrics: metrics.forQueue('test') }),
    reconcile: async (key) => {
      calls.push(key);
      return await reconcile(key, calls.filter((k) => k === key).length);
    },
  });
  return { controller, calls, registry };
}

async function metricValue(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const m = await registry.getSingleMetric(name)?.get();
  const v = m?.values.find((x) => Object.entries(labels).every(([k, val]) => x.labels[k] === val));
  return v?.value ?? 0;
}

describe('Controller', () => {
  it('When reconcile succeeds, then the key is processed once and counted as success', async () => {
    const { controller, calls, registry } = setup(() => ({}));
    controller.enqueue('ns/a');
    controller.start();
    await waitFor(() => calls.length === 1);
    await controller.stop();
    assert.equal(controller.queue.numRequeues('ns/a'), 0);
    assert.equal(await metricValue(registry, 'openstack_sim_reconcile_total', { controller: 'test', result: 'success' }), 1);
    assert.equal(await metricValue(registry, 'openstack_sim_workqueue_adds_total', { name: 'test' }), 1);
  });

  it('When reconcile fails with an ordinary error, then it is retried with backoff until it succeeds', async () => {
    const { controller, calls, registry } = setup((_k, n) => {
      if (n < 3) throw new Error('apiserver unavailable');
      return {};
    });
    controller.enqueue('ns/a');
    controller.start();
    await waitFor(() => calls.length === 3);
    await controller.stop();
    assert.equal(controller.queue.numRequeues('ns/a'), 0, 'forgotten after the success');
    assert.equal(await metricValue(registry, 'openstack_sim_reconcile_errors_total', { controller: 'test' }), 2);
    assert.equal(await metricValue(registry, 'openstack_sim_workqueue_retries_total', { name: 'test' }), 2);
  });

  it('When reconcile fails with a conflict, then it is retried like any transient error', async () => {
    const { controller, calls } = setup((_k, n) => {
      if (n === 1) throw new KubeApiError(409, 'Conflict', 'the object has been modified');
      return {};
    });
    controller.enqueue('ns/a');
    controller.start();
    await waitFor(() => calls.length === 2);
    await controller.stop();
  });

  it('When reconcile throws a TerminalError, then the key is not retried', async () => {
    const { controller, calls, registry } = setup(() => {
      throw new TerminalError('Flavor f1 could not be found.', 'FlavorNotFound');
    });
    controller.enqueue('ns/a');
    controller.start();
    await waitFor(() => calls.length === 1);
    await new Promise((r) => setTimeout(r, 60));
    await controller.stop();
    assert.equal(calls.length, 1);
    assert.equal(await metricValue(registry, 'openstack_sim_reconcile_total', { controller: 'test', result: 'error' }), 1);
  });

  it('When reconcile asks to be requeued after a delay, then it runs again after that delay', async () => {
    const { controller, calls, registry } = setup((_k, n) => (n === 1 ? { requeueAfter: 30 } : {}));
    controller.enqueue('ns/a');
    const t0 = Date.now();
    controller.start();
    await waitFor(() => calls.length === 2);
    assert.ok(Date.now() - t0 >= 25);
    await controller.stop();
    assert.equal(await metricValue(registry, 'openstack_sim_reconcile_total', { controller: 'test', result: 'requeue_after' }), 1);
  });

  it('When keys are enqueued while a slow reconcile runs, then each key runs on one worker at a time', async () => {
    let running = 0;
    let overlap = false;
    const { controller, calls } = setup(async () => {
      running++;
      if (running > 1) overlap = true;
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return {};
    });
    controller.start();
    controller.enqueue('ns/a');
    await waitFor(() => calls.length === 1);
    controller.enqueue('ns/a');
    controller.enqueue('ns/a');
    await waitFor(() => calls.length === 2);
    await controller.stop();
    assert.equal(overlap, false);
  });

  it('When stopped, then reconciles in flight finish first', async () => {
    let finished = false;
    const { controller, calls } = setup(async () => {
      await new Promise((r) => setTimeout(r, 30));
      finished = true;
      return {};
    });
    controller.enqueue('ns/a');
    controller.start();
    await waitFor(() => calls.length === 1);
    await controller.stop();
    assert.equal(finished, true);
  });

  it('When two operators share a registry, then metrics are registered once and both report', () => {
    const registry = new Registry();
    new OperatorMetrics(registry).forController('x').reconciled('success', 0.01);
    assert.doesNotThrow(() => new OperatorMetrics(registry).forController('x').reconciled('success', 0.01));
  });
});
