// The sweep of orphaned AddressAllocations: the decision table (held, young, old, being deleted),
// and the reconciler as action lists over FakeKube: an old orphan is deleted, a young one is
// rechecked when its grace period ends, a held one is left alone.
import assert from 'node:assert/strict';
import type { AddressAllocation, Port } from '../../../crds/types.generated.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import { AddressAllocationReconciler } from '../../../operator/src/controllers/address-allocation/address-allocation.reconciler.js';
import { ORPHAN_GRACE_MS, sweepDecision } from '../../../operator/src/controllers/address-allocation/address-allocation.sweep.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW } from './fixtures.js';

const NS = 'os-p1';
const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();

function allocation(name: string, createdMsAgo: number, portId = 'p1', deleting = false): AddressAllocation {
  return {
    apiVersion: API_VERSION, kind: 'AddressAllocation',
    metadata: { name, creationTimestamp: ago(createdMsAgo), ...(deleting ? { deletionTimestamp: ago(0) } : {}) },
    spec: { type: 'ip', pool: 's1', address: '10.0.0.5', portId, portNamespace: NS },
  };
}

describe('sweepDecision', () => {
  const cases: { name: string; a: AddressAllocation; held: boolean; want: ReturnType<typeof sweepDecision> }[] = [
    { name: 'its port exists', a: allocation('a', 10 * ORPHAN_GRACE_MS), held: true, want: { action: 'keep' } },
    { name: 'its port is missing and it is past the grace period', a: allocation('a', ORPHAN_GRACE_MS + 1), held: false, want: { action: 'delete' } },
    { name: 'its port is missing but it is young (the port may be on its way)', a: allocation('a', 1_000), held: false, want: { action: 'recheck', afterMs: ORPHAN_GRACE_MS - 1_000 } },
    { name: 'it is being deleted already', a: allocation('a', 10 * ORPHAN_GRACE_MS, 'p1', true), held: false, want: { action: 'keep' } },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then ${c.want.action}`, () => assert.deepEqual(sweepDecision(c.a, c.held, NOW), c.want));
  }
});

describe('AddressAllocationReconciler', () => {
  it('When allocations are reconciled, then only the old orphan is deleted; the young one is rechecked; the held one stays', async () => {
    const kube = new FakeKube();
    kube.seed(Resources.AddressAllocation, allocation('old-orphan', ORPHAN_GRACE_MS * 2, 'gone'));
    kube.seed(Resources.AddressAllocation, allocation('young-orphan', 5_000, 'coming'));
    kube.seed(Resources.AddressAllocation, allocation('held', ORPHAN_GRACE_MS * 2, 'p1'));
    const port: Port = { apiVersion: API_VERSION, kind: 'Port', metadata: { name: 'p1', namespace: NS }, spec: { name: '', projectId: 'p1', networkId: 'n1', macAddress: 'fa:16:3e:00:00:01' } };
    kube.seed(Resources.Port, port);
    const addressAllocations = new Informer<AddressAllocation>(kube, Resources.AddressAllocation);
    const ports = new Informer<Port>(kube, Resources.Port);
    await Promise.all([addressAllocations.start(), ports.start()]);
    after(() => [addressAllocations, ports].forEach((i) => i.stop()));
    const r = new AddressAllocationReconciler({ kube, addressAllocations, ports, events: new MemoryRecorder(), now: () => NOW });
    kube.actions.length = 0;
    assert.deepEqual(await r.reconcile('old-orphan'), {});
    assert.deepEqual(await r.reconcile('young-orphan'), { requeueAfter: ORPHAN_GRACE_MS - 5_000 });
    assert.deepEqual(await r.reconcile('held'), {});
    assert.deepEqual(kube.actions.map((a) => `${a.verb} ${a.kind} ${a.key}`), ['delete AddressAllocation old-orphan']);
  });
});
