// The API server's read-your-writes overlay: a write is visible at once even while the informer
// lags, a completed delete is gone at once, and the overlay steps aside once the informer caught up.
import assert from 'node:assert/strict';
import type { Flavor } from '../../../crds/types.generated.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import { ResourceStore } from '../../../api-server/src/kube/store.js';
import { FakeKube } from '../../support/fake-kube.js';

const flavor = (id: string): Flavor => ({
  apiVersion: API_VERSION, kind: 'Flavor', metadata: { name: id }, spec: { name: `f${id}`, vcpus: 1, ramMiB: 64, diskGiB: 1 },
});

describe('ResourceStore (read-your-writes)', () => {
  let kube: FakeKube;
  let informer: Informer<Flavor>;
  let store: ResourceStore<Flavor>;

  beforeEach(async () => {
    kube = new FakeKube();
    informer = new Informer<Flavor>(kube, Resources.Flavor);
    store = new ResourceStore<Flavor>(kube, informer);
    await informer.start();
    // Simulate a lagging informer: it stops seeing events.
    informer.stop();
    kube.breakWatches();
  });

  it('When an object is created while the informer lags, then get and list see it anyway', async () => {
    await store.create(flavor('1'));
    assert.equal(informer.get('1'), undefined, 'precondition: the informer has not seen it');
    assert.equal(store.get('1')?.spec.name, 'f1');
    assert.deepEqual(store.list().map((f) => f.metadata.name), ['1']);
  });

  it('When an object is deleted while the informer lags, then it is gone from get and list at once', async () => {
    kube.seed(Resources.Flavor, flavor('2'));
    const fresh = new Informer<Flavor>(kube, Resources.Flavor);
    const s = new ResourceStore<Flavor>(kube, fresh);
    await fresh.start();
    fresh.stop();
    kube.breakWatches();
    assert.ok(s.get('2'));
    assert.equal(await s.delete('2'), true);
    assert.equal(s.get('2'), undefined);
    assert.deepEqual(s.list(), []);
  });

  it('When the informer saw the write and a later change before the write returned, then the later change shows', async () => {
    // Under load the watch stream can be read before the create's own response: the operator's
    // status update is then already in the cache when the create returns, and no further event
    // would ever replace an overlay copy of the older object.
    const live = new Informer<Flavor>(kube, Resources.Flavor);
    const racing = Object.assign(Object.create(kube) as FakeKube, {
      create: async <T extends Flavor>(res: typeof Resources.Flavor, obj: T): Promise<T> => {
        const created = await kube.create(res, obj);
        await kube.replace(Resources.Flavor, { ...created, spec: { ...created.spec, name: 'changed-by-operator' } });
        for (let i = 0; i < 100 && live.get(obj.metadata.name)?.spec.name !== 'changed-by-operator'; i++) await new Promise((r) => setTimeout(r, 1));
        return created;
      },
    });
    const s = new ResourceStore<Flavor>(racing, live);
    await live.start();
    await s.create(flavor('4'));
    assert.equal(s.get('4')?.spec.name, 'changed-by-operator');
    assert.equal(s.list().find((f) => f.metadata.name === '4')?.spec.name, 'changed-by-operator');
    live.stop();
  });

  it('When the informer catches up, then the overlay entry is dropped and the cache answers', async () => {
    const live = new Informer<Flavor>(kube, Resources.Flavor);
    const s = new ResourceStore<Flavor>(kube, live);
    await live.start();
    const created = await s.create(flavor('3'));
    assert.equal(live.get('3')?.metadata.resourceVersion, created.metadata.resourceVersion);
    // A later change made by someone else must show, not the overlay's older copy.
    const cur = kube.peek<Flavor>(Resources.Flavor, '3')!;
    await kube.replace(Resources.Flavor, { ...cur, spec: { ...cur.spec, name: 'renamed' } });
    assert.equal(s.get('3')?.spec.name, 'renamed');
    live.stop();
  });
});
