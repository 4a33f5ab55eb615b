// The apiserver writes one server lifecycle costs (boot throughput, benchmark B1, is bounded by
// them): a regression that adds a write fails here.
import assert from 'node:assert/strict';
import { FINALIZER } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import { KubeEventRecorder } from '../../../operator/src/runtime/events.js';
import { NOW, NS, pod, server, SERVER_ID, type withPodState } from './fixtures.js';
import { KEY, markPod, seedBasics, world } from './server-world.js';
import { BUILD_SETTLE_MS } from '../../../operator/src/controllers/server/server.status.js';

type PodState = Parameters<typeof withPodState>[1];

const WRITES = new Set(['create', 'replace', 'replaceStatus', 'mergePatch', 'apply', 'delete']);
const EVENT = `create Event ${NS}/*`;

/** A server as the API server creates it: with the finalizer already set. */
const fromApi = () => server({}, { finalizers: [FINALIZER] });

/** Boots a server through the pod states given, then deletes it; returns the writes of each half. */
async function lifecycle(states: PodState[]) {
  let recorder!: KubeEventRecorder;
  const w = await world(
    (k) => {
      seedBasics(k);
      k.seed(Resources.Server, fromApi());
    },
    { events: (k) => (recorder = new KubeEventRecorder(k, { instance: 'op-1', now: () => NOW })) },
  );
  const writes = async (): Promise<string[]> => {
    await recorder.flush();
    // Event names are random: keep only their namespace.
    return w.actions().filter((a) => WRITES.has(a.split(' ')[0])).map((a) => (a.startsWith('create Event') ? EVENT : a));
  };
  const boot: string[] = [];
  const pass = async (): Promise<void> => {
    await w.r.reconcile(KEY);
    boot.push(...(await writes()));
  };
  await pass();
  for (const state of states) {
    await markPod(w.kube, state);
    w.actions();
    await pass();
  }
  await pass();
  assert.equal(w.stored()?.status?.status, 'ACTIVE');
  await w.kube.delete(Resources.Server, SERVER_ID, NS);
  w.actions();
  await w.r.reconcile(KEY);
  await w.r.reconcile(KEY);
  const teardown = await writes();
  assert.equal(w.stored(), undefined, 'the server is gone');
  return { boot, teardown };
}

describe('Server lifecycle write budget', () => {
  const cases: { name: string; states: PodState[]; boot: string[] }[] = [
    {
      name: 'When the pod is Running and Ready at first sight, then booting costs the pod, its CreatedPod event and one status write (straight to ACTIVE)',
      states: ['running'],
      boot: [`create Pod ${KEY}`, EVENT, `replaceStatus Server ${KEY}`],
    },
    {
      name: 'When every pod step is seen within a second, then only ACTIVE is written (pending reads as BUILD already, and a short BUILD on the host is held back)',
      states: ['pending', 'scheduled', 'running'],
      boot: [`create Pod ${KEY}`, EVENT, `replaceStatus Server ${KEY}`],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { boot, teardown } = await lifecycle(c.states);
      assert.deepEqual(boot, c.boot);
      assert.deepEqual(
        teardown,
        [`delete Pod ${KEY}`, EVENT, `mergePatch Server ${KEY}`],
        'deleting: the pod, the finalizer, one event (the API derives task_state deleting from the deletionTimestamp)',
      );
      assert.equal(boot.length + teardown.length, c.boot.length + 3, 'writes per server lifecycle');
    });
  }

  it('When the Pod stays scheduled but not running for a second, then BUILD on its host is written, and not before', async () => {
    let now = NOW.getTime();
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Server, fromApi());
    }, { now: () => new Date(now) });
    await w.r.reconcile(KEY);
    await markPod(w.kube, 'scheduled');
    w.actions();
    const held = await w.r.reconcile(KEY);
    assert.deepEqual(w.actions().filter((a) => a.startsWith('replaceStatus')), [], 'a BUILD younger than a second is not written');
    assert.ok(held.requeueAfter !== undefined && held.requeueAfter <= BUILD_SETTLE_MS, 'it looks again when the second is up');
    now += BUILD_SETTLE_MS;
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions().filter((a) => a.startsWith('replaceStatus')), [`replaceStatus Server ${KEY}`]);
    assert.equal(w.stored()?.status?.status, 'BUILD');
    assert.ok(w.stored()?.status?.host, 'the host is shown while it builds');
  });

  it('When the API server already set the finalizer, then the operator does not patch it again', async () => {
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Pod, pod(k.seed(Resources.Server, fromApi()), 'running'));
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`replaceStatus Server ${KEY}`], 'one write: the status, straight to ACTIVE');
    assert.equal(w.stored()?.status?.status, 'ACTIVE');
    assert.deepEqual(w.events.reasons, [], 'no event: the pod existed, and becoming ACTIVE is no action');
  });

  it('When a server without the finalizer is reconciled (not made by the API server), then the operator adds it', async () => {
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Server, server());
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions()[0], `mergePatch Server ${KEY}`);
    assert.deepEqual(w.stored()?.metadata.finalizers, [FINALIZER]);
  });
});
