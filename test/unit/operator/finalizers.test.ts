import assert from 'node:assert/strict';
import type { Server } from '../../../crds/types.generated.js';
import { FINALIZER } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import { addFinalizer, hasFinalizer, removeFinalizer } from '../../../operator/src/runtime/finalizers.js';
import { FakeKube } from '../../support/fake-kube.js';
import { NS, server, SERVER_ID } from './fixtures.js';

describe('finalizers', () => {
  it('When the finalizer is missing, then it is added next to the others with one patch', async () => {
    const kube = new FakeKube();
    const s = kube.seed(Resources.Server, server({}, { finalizers: ['other/x'] }));
    const out = await addFinalizer(kube, Resources.Server, s);
    assert.deepEqual(out.metadata.finalizers, ['other/x', FINALIZER]);
    assert.ok(hasFinalizer(out));
    assert.deepEqual(kube.actions.map((a) => a.verb), ['mergePatch']);
    await addFinalizer(kube, Resources.Server, out);
    assert.equal(kube.actions.length, 1, 'present already: no write');
  });

  it('When the finalizer is removed from a deleted object, then it goes away and other finalizers stay', async () => {
    const kube = new FakeKube();
    kube.seed(Resources.Server, server({}, { finalizers: [FINALIZER, 'other/x'] }));
    await kube.delete(Resources.Server, SERVER_ID, NS);
    const s = kube.peek<Server>(Resources.Server, SERVER_ID, NS) as Server;
    await removeFinalizer(kube, Resources.Server, s);
    assert.deepEqual(kube.peek<Server>(Resources.Server, SERVER_ID, NS)?.metadata.finalizers, ['other/x']);
  });

  it('When the object is already gone, then removing the finalizer is fine', async () => {
    const kube = new FakeKube();
    await assert.doesNotReject(removeFinalizer(kube, Resources.Server, server({}, { finalizers: [FINALIZER] })));
  });
});
