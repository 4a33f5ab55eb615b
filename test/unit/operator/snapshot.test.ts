// Snapshots, realized where the cluster can snapshot the volume's claim (a VolumeSnapshotClass for
// its StorageClass's driver) and kept as records elsewhere: the class choice, the status table,
// and the reconciler as action lists (a VolumeSnapshot made once and polled until ready; no
// snapshot CRDs, or no class for the driver, leave a record; a record stays one).
import assert from 'node:assert/strict';
import type { Snapshot, Volume } from '../../../crds/types.generated.js';
import { KubeApiError } from '../../../crds/client/client.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import type { PersistentVolumeClaim, StorageClass, VolumeSnapshot, VolumeSnapshotClass } from '../../../crds/kube-types.js';
import { SnapshotReconciler, VOLUME_SNAPSHOT_POLL_MS } from '../../../operator/src/controllers/snapshot/snapshot.reconciler.js';
import { snapshotClassFor } from '../../../operator/src/controllers/snapshot/snapshot.resources.js';
import { computeSnapshotStatus, recordOnly, type Realization } from '../../../operator/src/controllers/snapshot/snapshot.status.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW } from './fixtures.js';

const NS = 'os-p1';
const VOL = '1a2b3c4d-0000-4000-8000-000000000001';
const SNAP = '2b3c4d5e-0000-4000-8000-000000000002';
const KEY = `${NS}/${SNAP}`;
const DRIVER = 'hostpath.csi.k8s.io';

const snapshot = (status?: Snapshot['status']): Snapshot => ({
  apiVersion: API_VERSION, kind: 'Snapshot', metadata: { name: SNAP, namespace: NS, uid: 'uid-snap', generation: 1 },
  spec: { projectId: 'p1', userId: 'u1', volumeId: VOL, size: 1 }, ...(status ? { status } : {}),
});
const volume: Volume = { apiVersion: API_VERSION, kind: 'Volume', metadata: { name: VOL, namespace: NS }, spec: { projectId: 'p1', userId: 'u1', size: 1, volumeTypeId: 't', volumeTypeName: '__DEFAULT__', availabilityZone: 'nova' } };
const claim: PersistentVolumeClaim = {
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: `vol-${VOL}`, namespace: NS, labels: { 'app.kubernetes.io/managed-by': 'openstack-sim' } },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'csi' },
};
const storageClass: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'csi' }, provisioner: DRIVER };
const snapshotClass = (name: string, driver = DRIVER, isDefault = false): VolumeSnapshotClass => ({
  apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', driver,
  metadata: { name, ...(isDefault ? { annotations: { 'snapshot.storage.kubernetes.io/is-default-class': 'true' } } : {}) },
});
const volumeSnapshot = (status?: VolumeSnapshot['status']): VolumeSnapshot => ({
  apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name: `snap-${SNAP}`, namespace: NS }, spec: { source: { persistentVolumeClaimName: `vol-${VOL}` } }, ...(status ? { status } : {}),
});

describe('snapshotClassFor', () => {
  it('When classes exist for several drivers, then the default one of the claim\'s driver is chosen, else its first by name, else none', () => {
    const classes = [snapshotClass('b'), snapshotClass('a'), snapshotClass('c', DRIVER, true), snapshotClass('z', 'other.csi')];
    assert.equal(snapshotClassFor(classes, DRIVER)?.metadata.name, 'c');
    assert.equal(snapshotClassFor(classes.slice(0, 2), DRIVER)?.metadata.name, 'a');
    assert.equal(snapshotClassFor(classes, 'kubernetes.io/host-path'), undefined);
  });
});

describe('computeSnapshotStatus', () => {
  const cases: { name: string; volume?: Volume; r: Realization; want: [string, string] }[] = [
    { name: 'a record whose volume exists', volume, r: recordOnly('no class'), want: ['available', 'RecordOnly'] },
    { name: 'a record whose volume is gone', r: recordOnly('no class'), want: ['error', 'RecordOnly'] },
    { name: 'a VolumeSnapshot not ready yet', volume, r: { volumeSnapshot: volumeSnapshot() }, want: ['creating', 'VolumeSnapshotPending'] },
    { name: 'a VolumeSnapshot ready to use', volume, r: { volumeSnapshot: volumeSnapshot({ readyToUse: true }) }, want: ['available', 'VolumeSnapshotReady'] },
    { name: 'a VolumeSnapshot that failed', volume, r: { volumeSnapshot: volumeSnapshot({ error: { message: 'driver refused' } }) }, want: ['error', 'VolumeSnapshotFailed'] },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then ${c.want[0]} (${c.want[1]})`, () => {
      const st = computeSnapshotStatus(snapshot(), c.volume, c.r, NOW);
      assert.deepEqual([st.status, findCondition(st.conditions, 'Realized')?.reason], c.want);
      assert.equal(st.volumeSnapshotName, 'volumeSnapshot' in c.r ? `snap-${SNAP}` : undefined);
    });
  }
});

async function world(seed: (kube: FakeKube) => void) {
  const kube = new FakeKube();
  kube.seed(Resources.Volume, volume);
  kube.seed(Resources.PersistentVolumeClaim, claim);
  kube.seed(Resources.StorageClass, storageClass);
  seed(kube);
  const snapshots = new Informer<Snapshot>(kube, Resources.Snapshot);
  const volumes = new Informer<Volume>(kube, Resources.Volume);
  const persistentVolumeClaims = new Informer<PersistentVolumeClaim>(kube, Resources.PersistentVolumeClaim);
  const storageClasses = new Informer<StorageClass>(kube, Resources.StorageClass);
  const all = [snapshots, volumes, persistentVolumeClaims, storageClasses];
  await Promise.all(all.map((i) => i.start()));
  after(() => all.forEach((i) => i.stop()));
  const events = new MemoryRecorder();
  const r = new SnapshotReconciler({ kube, snapshots, volumes, persistentVolumeClaims, storageClasses, events, now: () => NOW });
  kube.actions.length = 0;
  const stored = (): Snapshot | undefined => kube.peek<Snapshot>(Resources.Snapshot, SNAP, NS);
  return { kube, r, events, stored, actions: (): string[] => kube.actions.splice(0).filter((a) => a.verb !== 'get' && a.verb !== 'list').map((a) => `${a.verb} ${a.kind} ${a.key}`) };
}

describe('SnapshotReconciler', () => {
  it('When the claim\'s driver has a VolumeSnapshotClass, then a VolumeSnapshot of the claim is made, polled while pending, and the snapshot is available once it is ready', async () => {
    const w = await world((k) => {
      k.seed(Resources.Snapshot, snapshot());
      k.seed(Resources.VolumeSnapshotClass, snapshotClass('csi-snap'));
    });
    const first = await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create VolumeSnapshot ${NS}/snap-${SNAP}`, `replaceStatus Snapshot ${KEY}`]);
    assert.deepEqual(first, { requeueAfter: VOLUME_SNAPSHOT_POLL_MS });
    const made = w.kube.peek<VolumeSnapshot>(Resources.VolumeSnapshot, `snap-${SNAP}`, NS)!;
    assert.deepEqual([made.spec.volumeSnapshotClassName, made.spec.source.persistentVolumeClaimName, made.metadata.ownerReferences?.[0].name], ['csi-snap', `vol-${VOL}`, SNAP]);
    assert.equal(w.stored()?.status?.status, 'creating');
    await w.kube.replaceStatus(Resources.VolumeSnapshot, { ...made, status: { readyToUse: true } });
    await new Promise((r) => setTimeout(r, 20));
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`replaceStatus Snapshot ${KEY}`]);
    assert.deepEqual([w.stored()?.status?.status, w.stored()?.status?.volumeSnapshotName], ['available', `snap-${SNAP}`]);
  });

  it('When the snapshot CRDs are not installed (a 404), then the snapshot is a record, available, and says why', async () => {
    const w = await world((k) => k.seed(Resources.Snapshot, snapshot()));
    w.kube.failNext.set('list', new KubeApiError(404, 'NotFound', 'the server could not find the requested resource'));
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`replaceStatus Snapshot ${KEY}`]);
    const realized = findCondition(w.stored()?.status?.conditions, 'Realized');
    assert.deepEqual([w.stored()?.status?.status, realized?.reason], ['available', 'RecordOnly']);
    assert.match(realized?.message ?? '', /no VolumeSnapshotClass for driver hostpath\.csi\.k8s\.io/);
  });

  it('When a snapshot was recorded before a class appeared, then it stays a record: a VolumeSnapshot now would hold later data', async () => {
    const w = await world((k) => k.seed(Resources.Snapshot, snapshot()));
    await w.r.reconcile(KEY);
    w.kube.seed(Resources.VolumeSnapshotClass, snapshotClass('csi-snap'));
    await new Promise((r) => setTimeout(r, 20));
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), []);
  });
});
