import assert from 'node:assert/strict';
import { KubeApiError } from '../../../crds/client/client.js';
import { Resources } from '../../../crds/resources.js';
import { buildEvent, KubeEventRecorder, SERIES_WINDOW_MS } from '../../../operator/src/runtime/events.js';
import type { EventV1 } from '../../../crds/kube-types.js';
import { FakeKube } from '../../support/fake-kube.js';
import { NOW, NS, project, server, SERVER_ID } from './fixtures.js';

describe('events', () => {
  it('When an event is built for a server, then it is an events.k8s.io/v1 Event regarding the server', () => {
    const e = buildEvent(Resources.Server, server(), { type: 'Normal', reason: 'CreatedPod', note: 'Created pod x' }, { instance: 'op-1', now: NOW });
    assert.equal(e.apiVersion, 'events.k8s.io/v1');
    assert.equal(e.metadata.namespace, NS);
    assert.ok(e.metadata.name.startsWith(`${SERVER_ID}.`));
    assert.equal(e.eventTime, '2024-05-01T10:00:00.000000Z', 'MicroTime with six fractional digits');
    assert.deepEqual(
      { rc: e.reportingController, ri: e.reportingInstance, action: e.action, reason: e.reason, type: e.type, note: e.note },
      { rc: 'openstack-sim-operator', ri: 'op-1', action: 'CreatedPod', reason: 'CreatedPod', type: 'Normal', note: 'Created pod x' },
    );
    assert.deepEqual(e.regarding, { apiVersion: 'openstack.sim/v1alpha1', kind: 'Server', name: SERVER_ID, namespace: NS, uid: 'uid-server', resourceVersion: '5' });
  });

  it('When an event is about a cluster-scoped object, then it goes to the default namespace', () => {
    const e = buildEvent(Resources.Project, project(), { type: 'Warning', reason: 'CannotAdoptNamespace', note: 'x'.repeat(5000) }, { instance: 'i', now: NOW });
    assert.equal(e.metadata.namespace, 'default');
    assert.equal(e.note?.length, 1024, 'notes are capped at 1 KiB');
  });

  it('When two events are built at the same instant, then their names differ', () => {
    const spec = { type: 'Normal' as const, reason: 'R', note: 'n' };
    const a = buildEvent(Resources.Server, server(), spec, { instance: 'i', now: NOW });
    const b = buildEvent(Resources.Server, server(), spec, { instance: 'i', now: NOW });
    assert.notEqual(a.metadata.name, b.metadata.name);
  });

  it('When recording succeeds, then the Event is created', async () => {
    const kube = new FakeKube();
    const rec = new KubeEventRecorder(kube, { instance: 'op-1' });
    rec.record(Resources.Server, server(), { type: 'Normal', reason: 'CreatedPod', note: 'ok' });
    await rec.flush();
    const { items } = await kube.list<EventV1>(Resources.Event);
    assert.equal(items.length, 1);
    assert.equal(items[0].reason, 'CreatedPod');
  });

  it('When the apiserver rejects the Event, then recording neither throws nor rejects, and the failure is logged', async () => {
    const kube = new FakeKube();
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => void warnings.push(m), error: () => undefined };
    const rec = new KubeEventRecorder(kube, { instance: 'op-1', log });
    kube.failNext.set('create', new KubeApiError(403, 'Forbidden', 'events is forbidden'));
    assert.doesNotThrow(() => rec.record(Resources.Server, server(), { type: 'Warning', reason: 'ServerError', note: 'x' }));
    await rec.flush();
    assert.deepEqual(warnings, ['cannot record event']);
  });

  describe('When the same event repeats', () => {
    type WithSeries = EventV1 & { series?: { count: number; lastObservedTime: string } };
    function recorder() {
      const kube = new FakeKube();
      let now = NOW;
      const rec = new KubeEventRecorder(kube, { instance: 'op-1', now: () => now });
      const events = async (): Promise<WithSeries[]> => (await kube.list<WithSeries>(Resources.Event)).items;
      const writes = (): string[] => kube.actions.filter((a) => a.verb !== 'list').map((a) => a.verb);
      return { kube, rec, events, writes, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
    }
    const failedPod = { type: 'Normal' as const, reason: 'DeletedFailedPod', note: 'Deleted pod x' };

    it('then it becomes one Event whose series counts the repeats, as kubectl shows them', async () => {
      const t = recorder();
      t.rec.record(Resources.Server, server(), failedPod);
      await t.rec.flush();
      t.later(1000);
      t.rec.record(Resources.Server, server({}, { resourceVersion: '9' }), failedPod);
      await t.rec.flush();
      t.later(1000);
      t.rec.record(Resources.Server, server(), failedPod);
      await t.rec.flush();
      const items = await t.events();
      assert.equal(items.length, 1);
      assert.deepEqual(items[0].series, { count: 3, lastObservedTime: '2024-05-01T10:00:02.000000Z' });
      assert.deepEqual(t.writes(), ['create', 'mergePatch', 'mergePatch']);
    });

    it('then a burst of repeats while an update is in flight costs one more write, not one per repeat', async () => {
      const t = recorder();
      t.rec.record(Resources.Server, server(), failedPod);
      for (let i = 0; i < 10; i++) t.rec.record(Resources.Server, server(), failedPod);
      await t.rec.flush();
      assert.equal((await t.events())[0].series?.count, 11);
      assert.deepEqual(t.writes(), ['create', 'mergePatch']);
    });

    it('then a different note, object or reason starts its own Event, and so does a repeat after the series window', async () => {
      const t = recorder();
      t.rec.record(Resources.Server, server(), failedPod);
      t.rec.record(Resources.Server, server(), { ...failedPod, note: 'Deleted pod y' });
      t.rec.record(Resources.Server, server({}, { name: 'other', uid: 'u2' }), failedPod);
      t.rec.record(Resources.Server, server(), { ...failedPod, reason: 'DeletedPod' });
      await t.rec.flush();
      t.later(SERIES_WINDOW_MS);
      t.rec.record(Resources.Server, server(), failedPod);
      await t.rec.flush();
      assert.equal((await t.events()).length, 5);
      assert.deepEqual(t.writes(), ['create', 'create', 'create', 'create', 'create']);
    });

    it('then a repeat of an event whose create failed tries to create it again', async () => {
      const t = recorder();
      t.kube.failNext.set('create', new KubeApiError(500, 'InternalError', 'etcd'));
      t.rec.record(Resources.Server, server(), failedPod);
      await t.rec.flush();
      t.rec.record(Resources.Server, server(), failedPod);
      await t.rec.flush();
      const items = await t.events();
      assert.equal(items.length, 1);
      assert.equal(items[0].series, undefined);
    });
  });
});
