import assert from 'node:assert/strict';
import type { KubeClient } from '../../../crds/client/client.js';
import { Resources } from '../../../crds/resources.js';
import type { Lease } from '../../../crds/kube-types.js';
import { LeaderElector, type LeaseTimings } from '../../../operator/src/runtime/leader-election.js';
import { FakeKube } from '../../support/fake-kube.js';
import { waitFor } from './fixtures.js';

const FAST: LeaseTimings = { leaseDurationMs: 300, renewDeadlineMs: 200, retryPeriodMs: 40 };

/** A client that can be cut off from the apiserver, as a crashed or partitioned replica would be. */
function cuttable(kube: FakeKube): { client: KubeClient; cut: () => void } {
  let broken = false;
  const client = new Proxy(kube, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => (broken ? Promise.reject(new Error('connection refused')) : (v as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { client, cut: () => (broken = true) };
}

function candidate(kube: KubeClient, identity: string, timeline: string[], timings: LeaseTimings = FAST): LeaderElector {
  return new LeaderElector({
    kube,
    namespace: 'openstack-sim-system',
    name: 'openstack-sim-operator',
    identity,
    timings,
    onStartedLeading: () => void timeline.push(`${identity} started`),
    onStoppedLeading: () => void timeline.push(`${identity} stopped`),
  });
}

const lease = (kube: FakeKube): Lease | undefined => kube.peek<Lease>(Resources.Lease, 'openstack-sim-operator', 'openstack-sim-system');

describe('LeaderElector', () => {
  it('When two candidates run, then exactly one leads and keeps renewing past the lease duration', async () => {
    const kube = new FakeKube();
    const timeline: string[] = [];
    const a = candidate(kube, 'a', timeline);
    const b = candidate(kube, 'b', timeline);
    a.start();
    await waitFor(() => a.isLeader(), 1000, 'a to lead');
    b.start();
    const renewals = new Set<string>();
    const deadline = Date.now() + 2 * FAST.leaseDurationMs;
    while (Date.now() < deadline) {
      assert.equal(Number(a.isLeader()) + Number(b.isLeader()), 1, 'one leader at any time');
      renewals.add(lease(kube)?.spec?.renewTime ?? '');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(b.isLeader(), false);
    assert.ok(renewals.size >= 3, 'the leader renews every retry period');
    await Promise.all([a.stop(), b.stop()]);
    assert.deepEqual(timeline.slice(0, 1), ['a started']);
  });

  it('When the leader is cut off, then it steps down and the other takes over only after the lease expires', async () => {
    const kube = new FakeKube();
    const timeline: string[] = [];
    const { client, cut } = cuttable(kube);
    const a = candidate(client, 'a', timeline);
    const b = candidate(kube, 'b', timeline);
    a.start();
    await waitFor(() => a.isLeader(), 1000, 'a to lead');
    b.start();
    await new Promise((r) => setTimeout(r, 100));
    const cutAt = Date.now();
    cut();
    await waitFor(() => b.isLeader(), 2000, 'b to take over');
    const tookOver = Date.now() - cutAt;
    assert.ok(tookOver >= FAST.leaseDurationMs - FAST.retryPeriodMs * 2, `took over after ${tookOver}ms, before the lease expired`);
    assert.deepEqual(timeline, ['a started', 'a stopped', 'b started'], 'the old leader stopped before the new one started');
    assert.equal(lease(kube)?.spec?.holderIdentity, 'b');
    assert.equal(lease(kube)?.spec?.leaseTransitions, 1);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('When the leader stops, then it releases the lease and the other takes over without waiting for expiry', async () => {
    const kube = new FakeKube();
    const timeline: string[] = [];
    const slow: LeaseTimings = { leaseDurationMs: 5000, renewDeadlineMs: 3000, retryPeriodMs: 40 };
    const a = candidate(kube, 'a', timeline, slow);
    const b = candidate(kube, 'b', timeline, slow);
    a.start();
    await waitFor(() => a.isLeader(), 1000, 'a to lead');
    b.start();
    await new Promise((r) => setTimeout(r, 60));
    const t0 = Date.now();
    await a.stop();
    assert.equal(lease(kube)?.spec?.holderIdentity, '', 'released');
    await waitFor(() => b.isLeader(), 1000, 'b to take over');
    assert.ok(Date.now() - t0 < 1000);
    assert.deepEqual(timeline, ['a started', 'a stopped', 'b started']);
    await b.stop();
  });

  it('When a lease is written, then it carries the holder, whole-second duration and MicroTime timestamps', async () => {
    const kube = new FakeKube();
    const a = candidate(kube, 'a', []);
    a.start();
    await waitFor(() => a.isLeader(), 1000, 'a to lead');
    const spec = lease(kube)?.spec;
    assert.equal(spec?.holderIdentity, 'a');
    assert.equal(spec?.leaseDurationSeconds, 1);
    assert.match(spec?.renewTime ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    assert.match(spec?.acquireTime ?? '', /\.\d{6}Z$/);
    await a.stop();
  });

  it('When a lease held by another replica is still fresh, then a newcomer does not take it', async () => {
    const kube = new FakeKube();
    const now = new Date().toISOString().replace('Z', '000Z');
    kube.seed<Lease>(Resources.Lease, {
      metadata: { name: 'openstack-sim-operator', namespace: 'openstack-sim-system' },
      spec: { holderIdentity: 'z', leaseDurationSeconds: 15, renewTime: now, acquireTime: now },
    });
    const timeline: string[] = [];
    const b = candidate(kube, 'b', timeline, { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 30 });
    b.start();
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(b.isLeader(), false);
    await b.stop();
    assert.equal(lease(kube)?.spec?.holderIdentity, 'z', 'a non-leader does not touch the lease on stop');
    assert.deepEqual(timeline, []);
  });
});
