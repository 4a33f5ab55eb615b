// What the server reconciler does to the Pod for each server action: the recorded API actions.
import assert from 'node:assert/strict';
import { Resources } from '../../../crds/resources.js';
import type { Pod } from '../../../crds/kube-types.js';
import { ANNOTATION_BOOT_SERIAL, ANNOTATION_POWER_STATE, ANNOTATION_RESCUE_IMAGE, DEFAULT_CONTAINER_IMAGE } from '../../../operator/src/controllers/server/server.resources.js';
import { flavor, image, NS, server, SERVER_ID } from './fixtures.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { KEY, markPod, seedBasics, world } from './server-world.js';

/** A server whose Pod runs and who is ACTIVE, with the actions so far cleared. */
async function activeWorld() {
  const w = await world((k) => {
    seedBasics(k);
    k.seed(Resources.Server, server());
  });
  await w.r.reconcile(KEY);
  await markPod(w.kube, 'running');
  await w.r.reconcile(KEY);
  w.actions();
  return w;
}

async function readyAgainAndDone(w: Awaited<ReturnType<typeof activeWorld>>): Promise<void> {
  await markPod(w.kube, 'running');
  await w.r.reconcile(KEY);
  assert.equal(w.stored()?.status?.status, 'ACTIVE');
  assert.equal(w.stored()?.status?.bootSerial, 1);
  w.actions();
  await w.r.reconcile(KEY);
  assert.deepEqual(w.actions(), [], 'a done boot replaces nothing');
}

/** The Pod made (if not yet), then running as KWOK would mark it, and the status written. */
async function runningAgain(w: Pick<Awaited<ReturnType<typeof activeWorld>>, 'r' | 'kube'>): Promise<void> {
  await w.r.reconcile(KEY);
  await markPod(w.kube, 'running');
  await w.r.reconcile(KEY);
}

const livePod = (w: Pick<Awaited<ReturnType<typeof activeWorld>>, 'kube'>) => w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS);

/** The container image the live Pod runs, and the rescue image it names. */
function podImages(w: Pick<Awaited<ReturnType<typeof activeWorld>>, 'kube'>): { container: string; rescue: string | undefined } {
  const p = livePod(w)!;
  return { container: p.spec.containers[0].image, rescue: p.metadata.annotations?.[ANNOTATION_RESCUE_IMAGE] };
}

describe('ServerReconciler and server actions', () => {
  it('When a reboot is asked, then the Pod of the earlier boot is replaced (ReplacedPod) and the new Pod carries the boot serial; ready again, the boot is done', async () => {
    const w = await activeWorld();
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { boot: { serial: 1, kind: 'HardReboot' } } });
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`delete Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
    assert.equal(w.stored()?.status?.status, 'HARD_REBOOT');
    assert.deepEqual(w.events.reasons, ['CreatedPod', 'ReplacedPod']);
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create Pod ${KEY}`], 'the new Pod; the status already says HARD_REBOOT');
    assert.equal(w.stored()?.status?.status, 'HARD_REBOOT');
    assert.equal(w.stored()?.status?.host, 'node-1', 'a rebooting server stays on its host');
    assert.equal(livePod(w)?.metadata.annotations?.[ANNOTATION_BOOT_SERIAL], '1');
    await readyAgainAndDone(w);
  });

  it('When a pause is asked, then the Pod stays and is marked paused; unpaused, the mark goes back to running', async () => {
    const w = await activeWorld();
    const uid = livePod(w)?.metadata.uid;
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { powerState: 'Paused' } });
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`apply Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
    assert.equal(livePod(w)?.metadata.uid, uid, 'the same Pod');
    assert.equal(livePod(w)?.metadata.annotations?.[ANNOTATION_POWER_STATE], 'paused');
    assert.equal(w.stored()?.status?.status, 'PAUSED');
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { powerState: 'Running' } });
    await w.r.reconcile(KEY);
    assert.equal(livePod(w)?.metadata.annotations?.[ANNOTATION_POWER_STATE], 'running');
    assert.equal(w.stored()?.status?.status, 'ACTIVE');
  });

  it('When a suspend is asked, then the Pod is deleted and the server ends SUSPENDED on its host; resumed, a new Pod comes', async () => {
    const w = await activeWorld();
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { powerState: 'Suspended' } });
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`delete Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
    await w.r.reconcile(KEY);
    assert.equal(w.stored()?.status?.status, 'SUSPENDED');
    assert.equal(w.stored()?.status?.host, 'node-1');
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { powerState: 'Running' } });
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
    assert.equal(w.stored()?.status?.taskState, 'resuming');
  });

  it('When a rescue is asked, then the Pod is replaced by one running the rescue image and the server ends RESCUE; unrescued, its own image runs again', async () => {
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Image, image('img-r', 'example.org/rescue:1'));
      k.seed(Resources.Server, server());
    });
    await runningAgain(w);
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { rescue: { imageRef: 'img-r' }, boot: { serial: 1, kind: 'Rescue' } } });
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`delete Pod ${KEY}`, `replaceStatus Server ${KEY}`]);
    await w.r.reconcile(KEY);
    assert.deepEqual(podImages(w), { container: 'example.org/rescue:1', rescue: 'img-r' });
    await runningAgain(w);
    assert.equal(w.stored()?.status?.status, 'RESCUE');
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { rescue: null, boot: { serial: 2, kind: 'Unrescue' } } });
    await w.r.reconcile(KEY);
    assert.equal(w.stored()?.status?.taskState, 'unrescuing');
    await w.r.reconcile(KEY);
    assert.deepEqual(podImages(w), { container: DEFAULT_CONTAINER_IMAGE, rescue: undefined });
    await runningAgain(w);
    assert.equal(w.stored()?.status?.status, 'ACTIVE');
  });

  it('When a resize\'s Pod fits no node, then the spec goes back to the old flavor (ResizeFailed, Resized=False) and the server stays ACTIVE while its old flavor\'s Pod comes back', async () => {
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Flavor, flavor('f2', 64, 1024));
      k.seed(Resources.Server, server());
    });
    await runningAgain(w);
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { flavorRef: 'f2', resize: { oldFlavorRef: 'f1' }, boot: { serial: 1, kind: 'Resize' } } });
    await w.r.reconcile(KEY);
    await w.r.reconcile(KEY);
    await markPod(w.kube, 'unschedulable');
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`mergePatch Server ${KEY}`, `replaceStatus Server ${KEY}`]);
    const rolled = w.stored()!;
    assert.deepEqual({ flavor: rolled.spec.flavorRef, resize: rolled.spec.resize, boot: rolled.spec.boot }, { flavor: 'f1', resize: undefined, boot: { serial: 2, kind: 'ResizeRollback' } });
    assert.equal(rolled.status?.status, 'ACTIVE');
    assert.equal(rolled.status?.taskState, undefined);
    assert.equal(findCondition(rolled.status?.conditions, 'Resized')?.reason, 'NoValidHost');
    assert.ok(w.events.reasons.includes('ResizeFailed'));
    await w.r.reconcile(KEY);
    await runningAgain(w);
    assert.equal(livePod(w)?.metadata.annotations?.[ANNOTATION_BOOT_SERIAL], '2');
    assert.equal(w.stored()?.status?.status, 'ACTIVE');
  });

  it('When a live migration\'s Pod fits no node, then it is rolled back like a resize: the migration dropped, ACTIVE, Resized=False', async () => {
    const w = await activeWorld();
    await w.kube.mergePatch(Resources.Server, SERVER_ID, NS, { spec: { boot: { serial: 1, kind: 'LiveMigrate' }, migration: { kind: 'Live', serial: 1, fromHost: 'node-1' } } });
    await w.r.reconcile(KEY);
    await w.r.reconcile(KEY);
    assert.deepEqual(livePod(w)?.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms, [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['node-1'] }] }]);
    await markPod(w.kube, 'unschedulable');
    await w.r.reconcile(KEY);
    const rolled = w.stored()!;
    assert.deepEqual({ migration: rolled.spec.migration, boot: rolled.spec.boot?.kind, status: rolled.status?.status }, { migration: undefined, boot: 'ResizeRollback', status: 'ACTIVE' });
    assert.equal(findCondition(rolled.status?.conditions, 'Resized')?.status, 'False');
  });
});
