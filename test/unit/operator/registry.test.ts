// The controller registry: a kind is one defineController entry, and the operator runs whatever
// the list holds, starting only the informers those entries ask for.
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { Resources } from '../../../crds/resources.js';
import { CONTROLLERS } from '../../../operator/src/controllers/index.js';
import { projectController } from '../../../operator/src/controllers/project/project.controller.js';
import { defineController } from '../../../operator/src/controllers/registry.js';
import { startOperator, type RunningOperator } from '../../../operator/src/operator.js';
import { FakeKube } from '../../support/fake-kube.js';
import { flavor, waitFor } from './fixtures.js';

function toyController(seen: string[]) {
  return defineController({
    name: 'toy',
    primary: 'flavors',
    informers: ['flavors'],
    watch: (c, enqueue) => c.flavors.on({ onUpsert: (f) => enqueue(f.metadata.name) }),
    newReconciler: () => async (key) => (seen.push(key), {}),
  });
}

describe('controller registry', () => {
  const running: RunningOperator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((op) => op.stop()));
  });
  const start = async (kube: FakeKube, controllers = CONTROLLERS): Promise<RunningOperator> => {
    const op = await startOperator({ kube, metrics: new Registry(), leaseNamespace: 'x', leaderElection: false, controllers });
    running.push(op);
    await op.leading;
    return op;
  };

  it('When the operator starts, then it runs every registered controller', () => {
    assert.deepEqual(CONTROLLERS.map((c) => c.name), ['server', 'project', 'security-group', 'floating-ip', 'address-allocation', 'volume', 'snapshot', 'instance-action', 'name-claim', 'quota-claims', 'resource-quota']);
  });

  it('When a new kind is one entry, then it is reconciled for objects present at start and for later events', async () => {
    const kube = new FakeKube();
    kube.seed(Resources.Flavor, flavor('f1'));
    const seen: string[] = [];
    await start(kube, [toyController(seen)]);
    await waitFor(() => seen.includes('f1'), 1000, 'the initial key');
    kube.seed(Resources.Flavor, flavor('f2'));
    await waitFor(() => seen.includes('f2'), 1000, 'the watched key');
    assert.equal(kube.openWatches, 1, 'only the cache the entry asked for is watched');
  });

  it('When only the project controller runs, then only its two caches are started', async () => {
    const kube = new FakeKube();
    await start(kube, [projectController]);
    assert.equal(kube.openWatches, 2);
  });

  it('When a controller is handed caches without one it declared, then it fails at wiring, not at reconcile', () => {
    assert.throws(() => toyController([]).watch({}, () => undefined), /cache flavors was not started/);
  });
});
