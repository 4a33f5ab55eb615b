// The apiserver writes one server lifecycle costs (boot throughput, benchmark B1, is bounded by
// them): a regression that adds a write fails here.
import assert from 'node:assert/strict';
import { FINALIZER } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import { KubeEventRecorder } from '../../../operator/src/runtime/events.js';
import { NOW, NS, pod, server, SERVER_ID, type withPodState } from './fixtures.js';
import { KEY, markPod, seedBasics, world } from './server-world.js';

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
      name: 'When the pod is Running and Ready at first sight, then booting costs the pod, one status write (straight to ACTIVE) and two events',
      states: ['running'],
      boot: [`create Pod ${KEY}`, EVENT, `replaceStatus Server ${KEY}`, EVENT],
    },
    {
      name: 'When every pod step is seen, then only the steps that say something are written (pending is not: it reads as BUILD already)',
      states: ['pending', 'scheduled', 'running'],
      boot: [`create Pod ${KEY}`, EVENT, `replaceStatus Server ${KEY}`, `replaceStatus Server ${KEY}`, EVENT],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { boot, teardown } = await lifecycle(c.states);
      assert.deepEqual(boot, c.boot);
      assert.deepEqual(
        teardown,
        [`delete Pod ${KEY}`, EVENT, `replaceStatus Server ${KEY}`, `mergePatch Server ${KEY}`],
        'deleting: the pod, task_state deleting while it goes, the finalizer, one event',
      );
      assert.equal(boot.length + teardown.length, c.boot.length + 4, 'writes per server lifecycle');
    });
  }

  it('When the API server already set the finalizer, then the operator does not patch it again', async () => {
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Pod, pod(k.seed(Resources.Server, fromApi()), 'running'));
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`replaceStatus Server ${KEY}`], 'one write: the status, straight to ACTIVE');
    assert.equal(w.stored()?.status?.status, 'ACTIVE');
    assert.deepEqual(w.events.reasons, ['ServerActive'], 'no event for a BUILD that was never written');
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
