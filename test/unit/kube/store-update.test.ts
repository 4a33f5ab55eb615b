// ResourceStore.update: read-modify-write that survives other writers. A stale resourceVersion is
// re-read and the mutation reapplied (so the other writer's change is kept, not overwritten), a
// bounded number of times, after which the client gets a 409.
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../crds/kube-object.js';
import type { DeleteOptions, KubeClient, ListOptions, ListResult, WatchEvent, WatchHandle } from '../../../crds/client/client.js';
import { KubeApiError } from '../../../crds/client/client.js';
import { Informer } from '../../../crds/client/informer.js';
import type { Flavor } from '../../../crds/types.generated.js';
import { API_VERSION, Resources, type ResourceType } from '../../../crds/resources.js';
import { ApiError } from '../../../api-server/src/common/errors.js';
import { ResourceStore } from '../../../api-server/src/kube/store.js';
import { FakeKube } from '../../support/fake-kube.js';

/**
 * FakeKube behind a wrapper whose next `races` writes each lose a race: just before the write,
 * another writer changes the object (a label), so FakeKube itself answers 409 Conflict.
 */
class RacingKube implements KubeClient {
  racesLeft: number;
  otherWrites = 0;

  constructor(
    readonly inner: FakeKube,
    races: number,
  ) {
    this.racesLeft = races;
  }

  private async race(res: ResourceType, obj: KubeObject): Promise<void> {
    if (this.racesLeft <= 0) return;
    this.racesLeft--;
    this.otherWrites++;
    await this.inner.mergePatch(res, obj.metadata.name, obj.metadata.namespace, { metadata: { labels: { other: String(this.otherWrites) } } });
  }

  get<T extends KubeObject>(res: ResourceType, name: string, namespace?: string): Promise<T | undefined> {
    return this.inner.get<T>(res, name, namespace);
  }
  list<T extends KubeObject>(res: ResourceType, opts?: ListOptions): Promise<ListResult<T>> {
    return this.inner.list<T>(res, opts);
  }
  create<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    return this.inner.create(res, obj);
  }
  async replace<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    await this.race(res, obj);
    return this.inner.replace(res, obj);
  }
  async replaceStatus<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    await this.race(res, obj);
    return this.inner.replaceStatus(res, obj);
  }
  mergePatch<T extends KubeObject>(res: ResourceType, name: string, namespace: string | undefined, patch: object): Promise<T> {
    return this.inner.mergePatch<T>(res, name, namespace, patch);
  }
  apply<T extends KubeObject>(res: ResourceType, obj: T, fieldManager: string): Promise<T> {
    return this.inner.apply(res, obj, fieldManager);
  }
  delete(res: ResourceType, name: string, namespace?: string, opts?: DeleteOptions): Promise<boolean> {
    return this.inner.delete(res, name, namespace, opts);
  }
  watch<T extends KubeObject>(res: ResourceType, opts: ListOptions & { resourceVersion: string }, onEvent: (ev: WatchEvent<T>) => void): WatchHandle {
    return this.inner.watch(res, opts, onEvent);
  }
}

const flavor = (id: string): Flavor => ({
  apiVersion: API_VERSION, kind: 'Flavor', metadata: { name: id }, spec: { name: `f${id}`, vcpus: 1, ramMiB: 64, diskGiB: 1 },
});

const rename = (to: string) => (f: Flavor): Flavor => ({ ...f, spec: { ...f.spec, name: to } });

const FAST = { attempts: 5, baseDelayMs: 1 };

describe('ResourceStore.update (conflict retry)', () => {
  let kube: FakeKube;
  let informers: Informer<Flavor>[];

  beforeEach(() => {
    kube = new FakeKube();
    kube.seed(Resources.Flavor, flavor('1'));
    informers = [];
  });
  afterEach(() => informers.forEach((i) => i.stop()));

  function storeOver(client: KubeClient, retry = FAST): ResourceStore<Flavor> {
    const informer = new Informer<Flavor>(client, Resources.Flavor);
    informers.push(informer);
    return new ResourceStore<Flavor>(client, informer, retry);
  }

  const writes = (verb: string): number => kube.actions.filter((a) => a.verb === verb && a.kind === 'Flavor').length;

  const table: { name: string; races: number; wantWrites: number; want: 'updated' | 409 }[] = [
    { name: 'no one else writes', races: 0, wantWrites: 1, want: 'updated' },
    { name: 'one other write races it', races: 1, wantWrites: 2, want: 'updated' },
    { name: 'four other writes race it (the last allowed attempt wins)', races: 4, wantWrites: 5, want: 'updated' },
    { name: 'five other writes race it (the bound)', races: 5, wantWrites: 5, want: 409 },
    { name: 'other writers never stop', races: 100, wantWrites: 5, want: 409 },
  ];
  for (const t of table) {
    it(`When ${t.name}, then ${t.want === 409 ? 'the caller gets a 409 ApiError' : 'the mutation lands on the latest version'} after ${t.wantWrites} write(s)`, async () => {
      const racing = new RacingKube(kube, t.races);
      const store = storeOver(racing);
      const result = store.update('1', undefined, rename('renamed'));
      if (t.want === 409) {
        await assert.rejects(result, (err: unknown) => err instanceof ApiError && err.status === 409 && /Flavor 1 was changed by other requests 5 times/.test(err.message));
        assert.equal(kube.peek<Flavor>(Resources.Flavor, '1')?.spec.name, 'f1', 'nothing of ours was written');
      } else {
        const updated = await result;
        assert.equal(updated?.spec.name, 'renamed');
        const live = kube.peek<Flavor>(Resources.Flavor, '1')!;
        assert.equal(live.spec.name, 'renamed');
        // Re-read, not overwritten: the racing writers' last label survives our write.
        assert.equal(live.metadata.labels?.other, t.races ? String(t.races) : undefined);
      }
      assert.equal(writes('replace'), t.wantWrites);
      assert.equal(writes('get'), t.wantWrites, 'each attempt reads the live object first');
    });
  }

  it('When no retry options are given, then the default bound is 5 attempts', async () => {
    const store = storeOver(new RacingKube(kube, 5), undefined);
    await assert.rejects(store.update('1', undefined, rename('x')), (err: unknown) => err instanceof ApiError && err.status === 409);
    assert.equal(writes('replace'), 5);
  });

  it('When the mutation edits its argument in place and loses a race, then the retry starts from the fresh object', async () => {
    const store = storeOver(new RacingKube(kube, 1));
    const seen: (string | undefined)[] = [];
    await store.update('1', undefined, (f) => {
      seen.push(f.metadata.labels?.other);
      f.spec.ramMiB += 64;
      return f;
    });
    assert.deepEqual(seen, [undefined, '1']);
    assert.equal(kube.peek<Flavor>(Resources.Flavor, '1')?.spec.ramMiB, 128, 'applied once, to the fresh copy');
  });

  it('When the mutation returns undefined, then nothing is written and the current object is returned', async () => {
    const store = storeOver(kube);
    const got = await store.update('1', undefined, () => undefined);
    assert.equal(got?.spec.name, 'f1');
    assert.equal(writes('replace'), 0);
  });

  it('When the object does not exist, then update returns undefined without writing', async () => {
    const store = storeOver(kube);
    assert.equal(await store.update('nope', undefined, rename('x')), undefined);
    assert.equal(writes('replace'), 0);
  });

  it('When the object is deleted between the read and the write, then update returns undefined', async () => {
    const store = storeOver(kube);
    kube.failNext.set('replace', new KubeApiError(404, 'NotFound', 'flavors "1" not found'));
    assert.equal(await store.update('1', undefined, rename('x')), undefined);
  });

  it('When the write fails for another reason, then the error surfaces at once, without a retry', async () => {
    const store = storeOver(kube);
    kube.failNext.set('replace', new KubeApiError(500, 'InternalError', 'etcd'));
    await assert.rejects(store.update('1', undefined, rename('x')), (err: unknown) => err instanceof KubeApiError && err.statusCode === 500);
    assert.equal(writes('replace'), 1);
  });

  it('When updateStatus loses a race, then it retries on the status subresource and keeps the spec', async () => {
    const store = storeOver(new RacingKube(kube, 2));
    const got = await store.updateStatus('1', undefined, (f) => ({ ...f, spec: { ...f.spec, name: 'ignored' }, status: { note: 'seen' } }) as Flavor);
    assert.equal(writes('replaceStatus'), 3);
    assert.equal(writes('replace'), 0);
    const live = kube.peek<Flavor & { status?: { note?: string } }>(Resources.Flavor, '1')!;
    assert.equal(live.status?.note, 'seen');
    assert.equal(live.spec.name, 'f1', 'the status subresource leaves the spec alone');
    assert.equal(got?.metadata.resourceVersion, live.metadata.resourceVersion);
  });

  it('When an update succeeds while the informer lags, then the store reads the written object at once', async () => {
    const store = storeOver(kube);
    await informers[0].start();
    informers[0].stop();
    kube.breakWatches();
    await store.update('1', undefined, rename('renamed'));
    assert.equal(informers[0].get('1')?.spec.name, 'f1', 'precondition: the informer has not seen it');
    assert.equal(store.get('1')?.spec.name, 'renamed');
  });
});
