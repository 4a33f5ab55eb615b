// Names unique in a scope, decided by the apiserver: a claim's name is a digest of kind, scope and
// name, so of concurrent claims exactly one wins; a holder may claim again, releases only its own
// claim, and a rename or create that fails gives the new name back.
import assert from 'node:assert/strict';
import type { NameClaim } from '../../../../crds/types.generated.js';
import { Informer } from '../../../../crds/client/informer.js';
import { Resources } from '../../../../crds/resources.js';
import { ResourceStore } from '../../../../api-server/src/kube/store.js';
import { claimName, duplicateInDomain, nameClaimName, releaseName, withNewClaim, withRenamedClaim, type NameKey } from '../../../../api-server/src/common/name-claims.js';
import { ApiError } from '../../../../api-server/src/common/errors.js';
import { FakeKube } from '../../../support/fake-kube.js';

describe('name claims', () => {
  let kube: FakeKube;
  let stores: { nameClaims: ResourceStore<NameClaim> };
  let informer: Informer<NameClaim>;
  const key: NameKey = { kind: 'Project', scope: 'default', name: 'web' };
  const taken = (): ApiError => duplicateInDomain('project', key.name, key.scope);
  const claims = async (): Promise<NameClaim[]> => (await kube.list<NameClaim>(Resources.NameClaim)).items;

  beforeEach(async () => {
    kube = new FakeKube();
    informer = new Informer<NameClaim>(kube, Resources.NameClaim);
    await informer.start();
    stores = { nameClaims: new ResourceStore<NameClaim>(kube, informer) };
  });
  afterEach(() => informer.stop());

  it('When the same name is asked in another kind or scope, then the claim names differ; the same key gives the same name', () => {
    const names = [key, { ...key, scope: 'other' }, { ...key, kind: 'User' }, { ...key, name: 'Web' }].map(nameClaimName);
    assert.equal(new Set(names).size, 4);
    assert.equal(nameClaimName({ ...key }), names[0]);
    assert.match(names[0], /^[a-z0-9-]{1,63}$/);
  });

  it('When ten holders claim one name at once, then exactly one wins and the others get Keystone\'s 409', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => claimName(stores, { key, holderId: `holder-${i}`, taken })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as ApiError);
    assert.equal(refused.length, 9);
    for (const e of refused) {
      assert.equal(e.status, 409);
      assert.equal(e.message, 'Conflict occurred attempting to store project - Duplicate entry found with name web at domain ID default.');
    }
  });

  it('When the holder claims its own name again, then it succeeds; another holder\'s release leaves the claim', async () => {
    await claimName(stores, { key, holderId: 'h1', taken });
    await claimName(stores, { key, holderId: 'h1', taken });
    await releaseName(stores, key, 'h2');
    assert.equal((await kube.get<NameClaim>(Resources.NameClaim, nameClaimName(key)))?.spec.holderId, 'h1');
    await releaseName(stores, key, 'h1');
    assert.equal(await kube.get<NameClaim>(Resources.NameClaim, nameClaimName(key)), undefined);
    await releaseName(stores, key, 'h1');
  });

  it('When a create under a new claim fails, then the name is free again', async () => {
    await assert.rejects(withNewClaim(stores, { key, holderId: 'h1', taken }, () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(await claims(), []);
    assert.equal(await withNewClaim(stores, { key, holderId: 'h1', taken }, () => Promise.resolve('made')), 'made');
    assert.equal((await claims()).length, 1);
  });

  it('When a holder is renamed, then the new name is claimed and the old released; a failed update keeps the old name only', async () => {
    const to = { ...key, name: 'api' };
    await claimName(stores, { key, holderId: 'h1', taken });
    await assert.rejects(withRenamedClaim(stores, key, { key: to, holderId: 'h1', taken }, () => Promise.reject(new Error('write failed'))), /write failed/);
    assert.deepEqual((await claims()).map((c) => c.spec.name), ['web']);
    await withRenamedClaim(stores, key, { key: to, holderId: 'h1', taken }, () => Promise.resolve(undefined));
    assert.deepEqual((await claims()).map((c) => c.spec.name), ['api']);
  });

  it('When a holder is renamed to a taken name, then 409 and nothing changes', async () => {
    await claimName(stores, { key, holderId: 'h1', taken });
    await claimName(stores, { key: { ...key, name: 'api' }, holderId: 'h2', taken });
    let updated = false;
    await assert.rejects(withRenamedClaim(stores, key, { key: { ...key, name: 'api' }, holderId: 'h1', taken }, () => Promise.resolve((updated = true))), (e: ApiError) => e.status === 409);
    assert.equal(updated, false);
    assert.deepEqual((await claims()).map((c) => `${c.spec.name}:${c.spec.holderId}`).sort(), ['api:h2', 'web:h1']);
  });
});
