import assert from 'node:assert/strict';
import type { Server } from '../../../crds/types.generated.js';
import { ServerReconciler } from '../../../operator/src/controllers/server/server.reconciler.js';
import { KubeApiError } from '../../../crds/client/client.js';
import { FINALIZER } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import type { Pod } from '../../../crds/kube-types.js';
import type { ObjectCache } from '../../../operator/src/runtime/objects.js';
import { flavor, image, MemoryRecorder, node, NS, pod, server, SERVER_ID, tenancy } from './fixtures.js';
import { KEY, markPod, noPods, seedBasics, world } from './server-world.js';

describe('ServerReconciler', () => {
  describe('When a new server is reconciled', () => {
    it('then it gets the finalizer, a pod and a CreatedPod event, and no status yet (it already reads as BUILD/scheduling)', async () => {
      const w = await world((k) => {
        seedBasics(k);
        k.seed(Resources.Server, server());
      });
      assert.deepEqual(await w.r.reconcile(KEY), {});
      assert.deepEqual(w.actions(), [`mergePatch Server ${KEY}`, `create Pod ${KEY}`]);
      const s = w.stored();
      assert.deepEqual(s?.metadata.finalizers, [FINALIZER]);
      assert.equal(s?.status, undefined, 'the pod is not even scheduled: the first write waits until it says more');
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
      assert.deepEqual(w.events.reasons, ['CreatedPod'], 'becoming ACTIVE is told by the Ready condition, not an event');

      await w.r.reconcile(KEY);
      assert.deepEqual(w.actions(), [], 'idempotent: no writes on a no-op pass');
      assert.deepEqual(w.events.reasons, ['CreatedPod'], 'no event without an action');
    });
  });

  describe('When the server is deleted', () => {
    it('then it deletes the pod and removes the finalizer once the pod is gone, writing no status', async () => {
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
      assert.deepEqual(w.actions(), [`delete Pod ${KEY}`], 'the API shows task_state deleting from the deletionTimestamp');
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
      assert.deepEqual(w.events.events.map((e) => [e.type, e.reason]), [['Warning', 'CannotAdoptPod']], 'one warning, not a ServerError repeating it');
      assert.equal(w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS)?.spec.containers[0].image, 'nginx');
    });
  });

  describe('When the cache has not seen the pod this server created', () => {
    it('then AlreadyExists is accepted after checking that the pod is ours', async () => {
      const w = await world(
        (k) => {
          seedBasics(k);
          const s = k.seed(Resources.Server, { ...server(), metadata: { ...server().metadata, finalizers: [FINALIZER] } });
          k.seed(Resources.Pod, pod(s, 'scheduled'));
        },
        { pods: noPods },
      );
      assert.deepEqual(await w.r.reconcile(KEY), {});
      assert.deepEqual(w.actions(), [`create Pod ${KEY}`, `get Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
      assert.equal(w.stored()?.status?.status, 'BUILD');
      assert.equal(w.stored()?.status?.taskState, 'spawning');
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
        k.seed(Resources.Pod, pod(k.seed(Resources.Server, server({}, { finalizers: [FINALIZER] })), 'running'));
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
      const r = new ServerReconciler({ ...w.deps, servers: lagging, pods: noPods, events: new MemoryRecorder() });
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
        ...w.deps,
        servers: { get: () => w.stored(), list: () => [] },
        pods: { get: () => stalePod, list: () => [stalePod] },
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
          ports: { get: () => undefined, list: () => [] },
          networks: { get: () => undefined, list: () => [] },
          floatingIPs: { get: () => undefined, list: () => [] },
          ...tenancy(),
          events: new MemoryRecorder(),
        });
        await r.reconcile(KEY);
        assert.ok(Object.isFrozen(cached.metadata));
      });
    }
  });
});
