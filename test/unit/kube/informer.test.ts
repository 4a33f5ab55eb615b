// The informer must never give up: 410 Gone relists, any other watch error re-watches after a
// backoff, and objects changed or deleted while it was not watching are reconciled on relist.
import assert from 'node:assert/strict';
import type { Flavor } from '../../../crds/types.generated.js';
import { KubeApiError } from '../../../crds/client/client.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import { FakeKube } from '../../support/fake-kube.js';

const flavor = (id: string, vcpus = 1): Flavor => ({
  apiVersion: API_VERSION, kind: 'Flavor', metadata: { name: id }, spec: { name: `f${id}`, vcpus, ramMiB: 64, diskGiB: 1 },
});

async function until(what: string, cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Informer', () => {
  let kube: FakeKube;
  let informer: Informer<Flavor>;
  const listCalls = (): number => kube.actions.filter((a) => a.verb === 'list' && a.kind === 'Flavor').length;

  beforeEach(async () => {
    kube = new FakeKube();
    kube.seed(Resources.Flavor, flavor('1'));
    informer = new Informer<Flavor>(kube, Resources.Flavor);
    await informer.start();
  });
  afterEach(() => informer.stop());

  it('When started, then the cache holds the listed objects and follows later changes', async () => {
    assert.equal(informer.get('1')?.spec.vcpus, 1);
    await kube.create(Resources.Flavor, flavor('2'));
    await until('the new flavor', () => informer.get('2') !== undefined);
    await kube.delete(Resources.Flavor, '1');
    await until('the deletion', () => informer.get('1') === undefined);
  });

  it('When objects arrive with managedFields, listed or watched, then the cache holds them without', async () => {
    const fields = [{ manager: 'm', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }];
    const withFields = (id: string): Flavor => ({ ...flavor(id), metadata: { name: id, managedFields: fields } });
    kube.seed(Resources.Flavor, withFields('4'));
    const fresh = new Informer<Flavor>(kube, Resources.Flavor);
    await fresh.start();
    await kube.create(Resources.Flavor, withFields('5'));
    await until('the watched flavor', () => fresh.get('5') !== undefined);
    fresh.stop();
    assert.equal(fresh.get('4')?.metadata.managedFields, undefined, 'listed');
    assert.equal(fresh.get('5')?.metadata.managedFields, undefined, 'watched');
    assert.equal(fresh.get('5')?.spec.vcpus, 1, 'the rest is kept');
  });

  it('When the watch ends with 410 Gone, then it relists and objects changed meanwhile are right', async () => {
    const before = listCalls();
    kube.breakWatches(new KubeApiError(410, 'Expired', 'too old resource version'));
    // While no watch is open, the world changes: a delete and a create the informer cannot see.
    await kube.delete(Resources.Flavor, '1');
    await kube.create(Resources.Flavor, flavor('3'));
    await until('a relist', () => listCalls() > before);
    await until('the cache to match the cluster', () => informer.get('1') === undefined && informer.get('3') !== undefined);
    await until('a new watch', () => kube.openWatches === 1);
  });

  it('When the watch fails with another error, then it watches again without giving up', async () => {
    const watches = informer.watchesStarted;
    kube.breakWatches(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await until('a new watch', () => informer.watchesStarted > watches && kube.openWatches === 1, 5000);
    await kube.create(Resources.Flavor, flavor('4'));
    await until('events after the restart', () => informer.get('4') !== undefined);
  });

  it('When the watch closes normally, then it resumes without a relist', async () => {
    const lists = listCalls();
    const watches = informer.watchesStarted;
    kube.breakWatches(undefined);
    await until('a new watch', () => informer.watchesStarted > watches);
    assert.equal(listCalls(), lists, 'a normal close must not cost a relist');
  });

  it('When handlers are registered, then they see upserts with the old object and deletes', async () => {
    const seen: string[] = [];
    informer.on({ onUpsert: (o, old) => seen.push(`${old ? 'update' : 'add'}:${o.metadata.name}`), onDelete: (o) => seen.push(`delete:${o.metadata.name}`) });
    const cur = kube.peek<Flavor>(Resources.Flavor, '1')!;
    await kube.replace(Resources.Flavor, { ...cur, spec: { ...cur.spec, vcpus: 2 } });
    await kube.delete(Resources.Flavor, '1');
    await until('both events', () => seen.length === 2);
    assert.deepEqual(seen, ['update:1', 'delete:1']);
  });
});
