// The child-object helpers the reconcilers share: createOrGet never takes over an object that
// exists (it hands back the live one), and keepApplied sends nothing while the child is as its
// builder decides, re-applies it when the decided part or our metadata drifted, and leaves a
// child being deleted alone.
import assert from 'node:assert/strict';
import type { Service } from '../../../crds/kube-types.js';
import { Resources, typeMeta } from '../../../crds/resources.js';
import { createOrGet, keepApplied } from '../../../operator/src/runtime/apply.js';
import { FakeKube } from '../../support/fake-kube.js';

const service = (externalIP: string, labels: Record<string, string> = { owner: 'us' }): Service => ({
  ...typeMeta(Resources.Service),
  metadata: { name: 'fip-1', namespace: 'os-p', labels },
  spec: { type: 'ClusterIP', clusterIP: 'None', externalIPs: [externalIP] },
});
const decided = (s: Service): unknown => s.spec.externalIPs;

describe('createOrGet', () => {
  it('When the child is missing, then it is created', async () => {
    const kube = new FakeKube();
    const { object, created } = await createOrGet(kube, Resources.Service, service('172.24.4.10'));
    assert.equal(created, true);
    assert.deepEqual((await kube.get<Service>(Resources.Service, 'fip-1', 'os-p'))?.spec.externalIPs, ['172.24.4.10']);
    assert.equal(object.metadata.name, 'fip-1');
  });

  it('When a same-named object exists, then the live one comes back untouched, not ours written over it', async () => {
    const kube = new FakeKube();
    kube.seed(Resources.Service, service('10.9.9.9', { owner: 'someone-else' }));
    const { object, created } = await createOrGet(kube, Resources.Service, service('172.24.4.10'));
    assert.equal(created, false);
    assert.deepEqual([object.spec.externalIPs, object.metadata.labels?.owner], [['10.9.9.9'], 'someone-else']);
  });
});

describe('keepApplied', () => {
  const cases: { name: string; observed: Service; deleting?: boolean; applies: boolean }[] = [
    { name: 'as the builder decides', observed: service('172.24.4.10'), applies: false },
    { name: 'drifted in its decided part', observed: service('172.24.4.99'), applies: true },
    { name: 'missing a label we own', observed: service('172.24.4.10', {}), applies: true },
    { name: 'drifted but being deleted', observed: service('172.24.4.99'), deleting: true, applies: false },
  ];
  for (const c of cases) {
    it(`When the child is ${c.name}, then it is ${c.applies ? '' : 'not '}re-applied`, async () => {
      const kube = new FakeKube();
      const observed = c.deleting ? { ...c.observed, metadata: { ...c.observed.metadata, deletionTimestamp: '2026-12-02T00:00:00Z' } } : c.observed;
      kube.seed(Resources.Service, observed);
      await keepApplied(kube, Resources.Service, { desired: service('172.24.4.10'), observed, decided });
      assert.equal(kube.actions.filter((a) => a.verb === 'apply').length, c.applies ? 1 : 0);
    });
  }
});
