// Atomic admission against a FakeKube that enforces resourceVersions: concurrent claims from two
// admission instances (two API server replicas) on one project admit exactly the limit, and a
// release frees room again.
import { strict as assert } from 'node:assert';
import type { Quota } from '../../../../crds/types.generated.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import { FakeKube } from '../../../support/fake-kube.js';
import { QuotaAdmission } from '../../../../api-server/src/quota/quota.admission.js';
import { usageOf } from '../../../../api-server/src/quota/quota.ledger.js';

const noClasses = { get: () => undefined };
const claimServer = (a: QuotaAdmission, i: number) => a.claim('p1', 'compute', { key: `server/${i}`, resources: { instances: 1, cores: 1, ram: 64 }, userId: 'u1' });

async function withLimit(kube: FakeKube, instances: number): Promise<void> {
  const quota: Quota = { ...typeMeta(Resources.Quota), metadata: { name: 'compute', namespace: 'os-p1' }, spec: { service: 'compute', limits: { instances, cores: -1, ram: -1 }, claims: {} } };
  await kube.create(Resources.Quota, quota);
}

describe('Quota admission', () => {
  it('When 200 claims race from two replicas against a limit of 50, then exactly 50 are admitted and recorded', async () => {
    const kube = new FakeKube();
    await withLimit(kube, 50);
    const replicas = [new QuotaAdmission(kube, noClasses), new QuotaAdmission(kube, noClasses)];
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => claimServer(replicas[i % 2], i)));
    assert.equal(outcomes.filter((o) => o.length === 0).length, 50);
    const stored = await kube.get<Quota>(Resources.Quota, 'compute', 'os-p1');
    assert.equal(Object.keys(stored!.spec.claims ?? {}).length, 50);
    assert.deepEqual(usageOf(stored), { instances: 50, cores: 50, ram: 3200 });
    const refused = outcomes.find((o) => o.length > 0)!;
    assert.deepEqual(refused, [{ resource: 'instances', requested: 1, used: 50, limit: 50, scope: 'project' }]);
  });

  it('When the project has no Quota object yet, then the first claim creates it under the class defaults', async () => {
    const kube = new FakeKube();
    const admission = new QuotaAdmission(kube, noClasses);
    assert.deepEqual(await claimServer(admission, 1), []);
    const stored = await kube.get<Quota>(Resources.Quota, 'compute', 'os-p1');
    assert.deepEqual(usageOf(stored), { instances: 1, cores: 1, ram: 64 });
  });

  it('When a claim is released, then its room is free for the next one', async () => {
    const kube = new FakeKube();
    await withLimit(kube, 1);
    const admission = new QuotaAdmission(kube, noClasses);
    assert.deepEqual(await claimServer(admission, 1), []);
    assert.equal((await claimServer(admission, 2)).length, 1);
    await admission.release('p1', 'compute', 'server/1');
    assert.deepEqual(await claimServer(admission, 2), []);
    await admission.release('p1', 'compute', 'server/never-claimed');
    assert.deepEqual(Object.keys((await kube.get<Quota>(Resources.Quota, 'compute', 'os-p1'))!.spec.claims ?? {}), ['server/2']);
  });

  it('When the write fails, then every caller of the batch hears the error and nothing is admitted', async () => {
    const kube = new FakeKube();
    await withLimit(kube, 5);
    const failing = Object.assign(Object.create(kube) as FakeKube, { replace: () => Promise.reject(new Error('apiserver down')) });
    const admission = new QuotaAdmission(failing, noClasses);
    const results = await Promise.allSettled([claimServer(admission, 1), claimServer(admission, 2)]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.deepEqual((await kube.get<Quota>(Resources.Quota, 'compute', 'os-p1'))!.spec.claims, {});
  });
});
