import assert from 'node:assert/strict';
import type { Flavor, Image, Server } from '../../../crds/types.generated.js';
import { ServerReconciler } from '../../../operator/src/controllers/server/server.reconciler.js';
import { KubeApiError } from '../../../crds/client/client.js';
import { Informer } from '../../../crds/client/informer.js';
import { FINALIZER, MANAGED_BY, MANAGED_BY_LABEL } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import type { Node, Pod } from '../../../crds/kube-types.js';
import type { ObjectCache } from '../../../operator/src/runtime/objects.js';
import { FakeKube } from '../../support/fake-kube.js';
import { flavor, image, MemoryRecorder, node, NOW, NS, pod, server, SERVER_ID, withPodState, startAll, stopAll } from './fixtures.js';

const KEY = `${NS}/${SERVER_ID}`;
const noPods: ObjectCache<Pod> = { get: () => undefined, list: () => [] };

async function world(seed: (kube: FakeKube) => void, opts: { pods?: ObjectCache<Pod> } = {}) {
  const kube = new FakeKube();
  seed(kube);
  const managed = { labelSelector: `${MANAGED_BY_LABEL}=${MANAGED_BY}` };
  const inf = {
    servers: new Informer<Server>(kube, Resources.Server),
    pods: new Informer<Pod>(kube, Resources.Pod, managed),
    flavors: new Informer<Flavor>(kube, Resources.Flavor),
    images: new Informer<Image>(kube, Resources.Image),
    nodes: new Informer<Node>(kube, Resources.Node),
  };
  await startAll(inf);
  const events = new MemoryRecorder();
  const r = new ServerReconciler({ kube, ...inf, ...(opts.pods ? { pods: opts.pods } : {}), events, now: () => NOW });
  kube.actions.length = 0;
  const actions = (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`);
  const stored = (): Server | undefined => kube.peek<Server>(Resources.Server, SERVER_ID, NS);
  after(() => stopAll(inf));
  return { kube, r, events, actions, stored };
}

const seedBasics = (kube: FakeKube): void => {
  kube.seed(Resources.Flavor, flavor());
  kube.seed(Resources.Image, image());
  kube.seed(Resources.Node, node('node-1', 'az1'));
};

async function markPod(kube: FakeKube, state: Parameters<typeof withPodState>[1]): Promise<void> {
  const current = kube.peek<Pod>(Resources.Pod, SERVER_ID, NS) as Pod;
  const next = withPodState(current, state);
  await kube.mergePatch(Resources.Pod, SERVER_ID, NS, { spec: next.spec, status: next.status });
}

describe('ServerReconciler', () => {
  describe('When a new server is reconciled', () => {
    it('then it gets the finalizer, a pod and a BUILD status, and a CreatedPod event', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      assert.deepEqual(await w.r.reconcile(KEY), {});
      assert.deepEqual(w.actions(), [`mergePatch Server ${KEY}`, `create Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      const s = w.stored();
      assert.deepEqual(s?.metadata.finalizers, [FINALIZER]);
      assert.equal(s?.status?.status, 'BUILD');
      assert.equal(s?.status?.taskState, 'scheduling');
      const p = w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS);
      assert.equal(p?.metadata.ownerReferences?.[0].uid, s?.metadata.uid);
      assert.deepEqual(w.events.reasons, ['CreatedPod']);
    });
  });

  describe('When the pod becomes Running and Ready on a node', () => {
    it('then the server becomes ACTIVE on that host, and a second pass writes nothing', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      await w.r.reconcile(KEY);
      await markPod(w.kube, 'running');
      w.actions();
      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [`replaceStatus Server ${KEY}`]);
      const st = w.stored()?.status;
      assert.equal(st?.status, 'ACTIVE');
      assert.equal(st?.powerState, 'RUNNING');
      assert.equal(st?.host, 'node-1');
      assert.equal(st?.availabilityZone, 'az1');
      assert.equal(st?.networks, 'private=10.0.1.7');
      assert.equal(findCondition(st?.conditions, 'Ready')?.status, 'True');
      assert.deepEqual(w.events.reasons, ['CreatedPod', 'ServerActive']);

      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [], 'idempotent: no writes on a no-op pass');
      assert.deepEqual(w.events.reasons, ['CreatedPod', 'ServerActive'], 'no event without a transition');
    });
  });

  describe('When the server is deleted', () => {
    it('then it shows deleting, deletes the pod, and removes the finalizer once the pod is gone', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      await w.r.reconcile(KEY);
      await markPod(w.kube, 'running');
      await w.r.reconcile(KEY);
      await w.kube.delete(Resources.Server, SERVER_ID, NS);
      w.actions();

      const first = await w.r.reconcile(KEY);
      assert.ok(first.requeueAfter !== undefined, 'waits for the pod to go');
      assert.deepEqual(w.actions(), [`replaceStatus Server ${KEY}`, `delete Pod ${KEY}`]);
      assert.equal(w.stored()?.status?.taskState, 'deleting');
      assert.equal(w.kube.peek(Resources.Pod, SERVER_ID, NS), undefined);

      assert.deepEqual(await w.r.reconcile(KEY), {});
      assert.deepEqual(w.actions(), [`get Pod ${KEY}`, `mergePatch Server ${KEY}`], 'confirms the pod is gone, then lets go');
      assert.equal(w.stored(), undefined, 'the server is gone');
      assert.ok(w.events.reasons.includes('DeletedPod'));

      assert.deepEqual(await w.r.reconcile(KEY), {});
      assert.deepEqual(w.actions(), [], 'a gone server needs nothing');
    });
  });

  describe('When the flavor does not exist', () => {
    it('then the server goes to ERROR with a Nova fault, is not retried, and is built once the flavor appears', async () => {
      const w = await world((k) => {
        k.seed(Resources.Image, image());
        k.seed(Resources.Server, server());
      });
      await assert.rejects(w.r.reconcile(KEY), (err: unknown) => err instanceof TerminalError && err.reason === 'FlavorNotFound');
      assert.deepEqual(w.actions(), [`mergePatch Server ${KEY}`, `replaceStatus Server ${KEY}`]);
      const st = w.stored()?.status;
      assert.equal(st?.status, 'ERROR');
      assert.equal(st?.fault?.message, 'Flavor f1 could not be found.');
      assert.equal(findCondition(st?.conditions, 'Synced')?.reason, 'ReconcileError');
      assert.deepEqual(w.events.reasons, ['ServerError']);

      await assert.rejects(w.r.reconcile(KEY), TerminalError);
      assert.deepEqual(w.actions(), [], 'the same error is not written again');

      w.kube.seed(Resources.Flavor, flavor());
      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [`create Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(w.stored()?.status?.status, 'BUILD');
      assert.equal(w.stored()?.status?.fault, undefined);
    });
  });

  describe('When the image does not exist', () => {
    it('then the server goes to ERROR naming the image', async () => {
      const w = await world((k) => {
        k.seed(Resources.Flavor, flavor());
        k.seed(Resources.Server, server({ imageRef: 'gone' }));
      });
      await assert.rejects(w.r.reconcile(KEY), TerminalError);
      assert.equal(w.stored()?.status?.fault?.message, 'Image gone could not be found.');
    });
  });

  describe('When a pod of the same name exists that the server does not control', () => {
    it('then the pod is left alone, the server goes to ERROR and a CannotAdoptPod warning is recorded', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
        k.seed<Pod>(Resources.Pod, { metadata: { name: SERVER_ID, namespace: NS }, spec: { containers: [{ name: 'x', image: 'nginx' }] } });
      });
      await assert.rejects(w.r.reconcile(KEY), TerminalError);
      assert.deepEqual(w.actions(), [`mergePatch Server ${KEY}`, `create Pod ${KEY}`, `get Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(findCondition(w.stored()?.status?.conditions, 'Ready')?.reason, 'PodConflict');
      assert.ok(w.events.events.some((e) => e.reason === 'CannotAdoptPod' && e.type === 'Warning'));
      assert.equal(w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS)?.spec.containers[0].image, 'nginx');
    });
  });

  describe('When the cache has not seen the pod this server created', () => {
    it('then AlreadyExists is accepted after checking that the pod is ours', async () => {
      const w = await world(
        (k) => {
          seedBasics(k);
          const s = k.seed(Resources.Server, { ...server(), metadata: { ...server().metadata, finalizers: [FINALIZER] } });
          k.seed(Resources.Pod, pod(s, 'pending'));
        },
        { pods: noPods },
      );
      assert.deepEqual(await w.r.reconcile(KEY), {});
      assert.deepEqual(w.actions(), [`create Pod ${KEY}`, `get Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(w.stored()?.status?.status, 'BUILD');
      assert.deepEqual(w.events.reasons, [], 'no CreatedPod: this pass created nothing');
    });
  });

  describe('When the pod failed', () => {
    it('then the server shows ERROR, the pod is deleted, and the next pass builds a new one', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      await w.r.reconcile(KEY);
      await markPod(w.kube, 'failed');
      w.actions();
      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [`delete Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(w.stored()?.status?.status, 'ERROR');
      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [`create Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(w.stored()?.status?.status, 'BUILD');
      assert.deepEqual(w.events.reasons, ['CreatedPod', 'DeletedFailedPod', 'ServerError', 'CreatedPod']);
    });
  });

  describe('When a stop is requested', () => {
    it('then the pod is deleted and the server ends SHUTOFF; starting it again brings a new pod', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      await w.r.reconcile(KEY);
      await markPod(w.kube, 'running');
      await w.r.reconcile(KEY);
      await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { powerState: 'Stopped' } });
      w.actions();
      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [`delete Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(w.stored()?.status?.taskState, 'powering-off');
      await w.r.reconcile(KEY);
      assert.equal(w.stored()?.status?.status, 'SHUTOFF');
      assert.equal(w.stored()?.status?.powerState, 'SHUTDOWN');

      await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { powerState: 'Running' } });
      w.actions();
      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [`create Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(w.stored()?.status?.taskState, 'powering-on');
    });
  });

  describe('When the status write conflicts', () => {
    it('then the error is thrown for a retry, not swallowed', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      w.kube.failNext.set('replaceStatus', new KubeApiError(409, 'Conflict', 'the object has been modified'));
      await assert.rejects(w.r.reconcile(KEY), (err: unknown) => err instanceof KubeApiError && err.statusCode === 409);
    });
  });

  describe('When the cache has not caught up with this reconciler\'s own status write', () => {
    it('then the stale copy is not acted upon (no 409) and the key is rechecked shortly', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      const old = structuredClone(w.stored() as Server);
      const lagging: ObjectCache<Server> = { get: () => old, list: () => [old] };
      const r = new ServerReconciler({ kube: w.kube, servers: lagging, pods: noPods, flavors: { get: () => flavor(), list: () => [] }, images: { get: () => image(), list: () => [] }, nodes: { get: () => undefined, list: () => [] }, events: new MemoryRecorder() });
      await r.reconcile(KEY);
      w.actions();
      const again = await r.reconcile(KEY);
      assert.ok(again.requeueAfter !== undefined);
      assert.deepEqual(w.actions(), [], 'no write with a stale resourceVersion');
    });
  });

  describe('When the pod cache has not yet seen a deletion this reconciler made', () => {
    it('then the pod is not deleted a second time and DeletedPod is recorded once', async () => {
      const w = await world((k) => {
        seedBasics(k);
        const s = k.seed(Resources.Server, server({}, { finalizers: [FINALIZER], deletionTimestamp: '2024-05-01T09:00:00Z' }));
        k.seed(Resources.Pod, pod(s, 'running'));
      });
      const stalePod = w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS) as Pod;
      const events = new MemoryRecorder();
      const r = new ServerReconciler({
        kube: w.kube,
        servers: { get: () => w.stored(), list: () => [] },
        pods: { get: () => stalePod, list: () => [stalePod] },
        flavors: { get: () => flavor(), list: () => [] },
        images: { get: () => image(), list: () => [] },
        nodes: { get: () => undefined, list: () => [] },
        events,
      });
      await r.reconcile(KEY);
      await r.reconcile(KEY);
      assert.deepEqual(w.actions().filter((a) => a.startsWith('delete')), [`delete Pod ${KEY}`]);
      assert.deepEqual(events.reasons, ['DeletedPod']);
    });
  });

  describe('When the cached objects are frozen', () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object') {
        Object.values(o).forEach(deepFreeze);
        Object.freeze(o);
      }
      return o;
    };
    const fixed = <T>(obj: T): ObjectCache<T> => ({ get: () => obj, list: () => [obj] });

    for (const deleting of [false, true]) {
      it(`then reconciling ${deleting ? 'a deleted' : 'a new'} server never mutates them`, async () => {
        const w = await world((k) => {
          seedBasics(k);
          k.seed(Resources.Server, server({}, { finalizers: [FINALIZER], ...(deleting ? { deletionTimestamp: '2024-05-01T09:00:00Z' } : {}) }));
        });
        const cached = deepFreeze(w.stored() as Server);
        const r = new ServerReconciler({
          kube: w.kube,
          servers: fixed(cached),
          pods: noPods,
          flavors: fixed(deepFreeze(flavor())),
          images: fixed(deepFreeze(image())),
          nodes: fixed(deepFreeze(node())),
          events: new MemoryRecorder(),
        });
        await r.reconcile(KEY);
        assert.ok(Object.isFrozen(cached.metadata));
      });
    }
  });
});
