// Volumes realized as claims and attachment Pods: the builders, the status table (claim phase,
// binding mode, attachment Pods, expansion) and the reconciler as action lists: the claim made
// once, nothing on a no-op pass, an attachment Pod once the server's Pod has a node, deleted when
// the attachment goes, a claim that is not ours refused.
import assert from 'node:assert/strict';
import type { Snapshot, Volume } from '../../../crds/types.generated.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../../crds/kube-types.js';
import { VolumeReconciler } from '../../../operator/src/controllers/volume/volume.reconciler.js';
import { desiredAttachmentPod, desiredClaim, quantityGiB } from '../../../operator/src/controllers/volume/volume.resources.js';
import { computeVolumeStatus } from '../../../operator/src/controllers/volume/volume.status.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW } from './fixtures.js';

const NS = 'os-p1';
const ID = '1a2b3c4d-0000-4000-8000-000000000001';
const SERVER = '5e6f7a8b-0000-4000-8000-000000000002';
const ATT = '9c0d1e2f-0000-4000-8000-000000000003';
const KEY = `${NS}/${ID}`;
const CLAIM = `vol-${ID}`;
const MANAGED = { 'app.kubernetes.io/managed-by': 'openstack-sim' };

function volume(over: Partial<Volume['spec']> = {}, generation = 1): Volume {
  return {
    apiVersion: API_VERSION, kind: 'Volume', metadata: { name: ID, namespace: NS, uid: `uid-${ID}`, generation },
    spec: { projectId: 'p1', userId: 'u1', size: 1, volumeTypeId: 't1', volumeTypeName: '__DEFAULT__', availabilityZone: 'nova', attachments: [], ...over },
  };
}

const attached = (over: Partial<Volume['spec']> = {}): Volume => volume({ attachments: [{ id: ATT, serverId: SERVER, device: '/dev/vdb', attachedAt: NOW.toISOString() }], ...over });

function claim(phase: 'Pending' | 'Bound' | 'Lost', capacity = '1Gi', className = 'standard'): PersistentVolumeClaim {
  const c = desiredClaim(volume(), 1);
  return { ...c, spec: { ...c.spec, storageClassName: className }, status: { phase, ...(phase === 'Bound' ? { capacity: { storage: capacity } } : {}) } };
}

function storageClass(mode: 'Immediate' | 'WaitForFirstConsumer', expandable = false): StorageClass {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'kubernetes.io/host-path', volumeBindingMode: mode, allowVolumeExpansion: expandable };
}

/** Attached and in use in the last status written: its attachment Pod was running. */
function inUse(over: Partial<Volume['spec']> = {}): Volume {
  const v = attached(over);
  return { ...v, status: { status: 'in-use', attachments: [{ id: ATT, pod: `volatt-${ATT}`, node: 'node-1', ready: true }] } };
}

function attachmentPod(running: boolean, deleting = false): Pod {
  const p = desiredAttachmentPod(attached(), attached().spec.attachments![0], 'node-1');
  return { ...p, metadata: { ...p.metadata, ...(deleting ? { deletionTimestamp: NOW.toISOString() } : {}) }, spec: { ...p.spec, nodeName: 'node-1' }, status: { phase: running ? 'Running' : 'Pending' } };
}

describe('volume builders', () => {
  it('When a claim is built, then it requests the size in Gi, ReadWriteOnce (ReadWriteMany for multiattach), and is controlled by the volume', () => {
    const c = desiredClaim(volume({ storageClassName: 'fast' }), 3);
    assert.deepEqual([c.metadata.name, c.spec.resources.requests.storage, c.spec.accessModes, c.spec.storageClassName], [CLAIM, '3Gi', ['ReadWriteOnce'], 'fast']);
    assert.deepEqual(desiredClaim(volume({ multiattach: true }), 1).spec.accessModes, ['ReadWriteMany']);
    assert.equal(desiredClaim(volume(), 1).spec.storageClassName, undefined, 'no class: the cluster default');
    assert.deepEqual(c.metadata.ownerReferences?.map((r) => [r.kind, r.name, r.controller]), [['Volume', ID, true]]);
  });

  it('When an attachment Pod is built, then it is pinned to the node by affinity and mounts the claim at /volumes/<device>', () => {
    const p = desiredAttachmentPod(attached({ readOnly: true }), attached().spec.attachments![0], 'node-7');
    const term = p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0].matchExpressions?.[0];
    assert.deepEqual(term, { key: 'kubernetes.io/hostname', operator: 'In', values: ['node-7'] });
    assert.equal(p.spec.nodeName, undefined, 'the scheduler places it, so WaitForFirstConsumer claims bind');
    assert.deepEqual(p.spec.containers[0].volumeMounts, [{ name: 'volume', mountPath: '/volumes/vdb', readOnly: true }]);
    assert.deepEqual(p.spec.volumes, [{ name: 'volume', persistentVolumeClaim: { claimName: CLAIM, readOnly: true } }]);
    assert.equal(p.metadata.labels?.['openstack.sim/server-id'], undefined, 'never selected as the server (floating IPs select that label)');
  });

  it('When quantities are read, then they round up to whole GiB', () => {
    assert.deepEqual(['1Gi', '1536Mi', '2147483648', '1G', 'junk'].map(quantityGiB), [1, 2, 2, 1, undefined]);
  });
});

describe('computeVolumeStatus', () => {
  const cases: { name: string; v: Volume; claim?: PersistentVolumeClaim; sc?: StorageClass; pods?: Pod[]; want: [string, string, string] }[] = [
    { name: 'no claim yet', v: volume(), want: ['creating', 'ClaimPending', 'NotAttached'] },
    { name: 'a pending claim on an Immediate class', v: volume(), claim: claim('Pending'), sc: storageClass('Immediate'), want: ['creating', 'ClaimPending', 'NotAttached'] },
    { name: 'a pending claim on a WaitForFirstConsumer class', v: volume(), claim: claim('Pending'), sc: storageClass('WaitForFirstConsumer'), want: ['available', 'WaitingForFirstConsumer', 'NotAttached'] },
    { name: 'a pending claim whose class does not exist', v: volume(), claim: claim('Pending'), want: ['error', 'StorageClassNotFound', 'NotAttached'] },
    { name: 'a bound claim', v: volume(), claim: claim('Bound'), sc: storageClass('Immediate'), want: ['available', 'ClaimBound', 'NotAttached'] },
    { name: 'a lost claim', v: volume(), claim: claim('Lost'), sc: storageClass('Immediate'), want: ['error', 'ClaimLost', 'NotAttached'] },
    { name: 'attached, its Pod not running yet', v: attached(), claim: claim('Bound'), sc: storageClass('Immediate'), pods: [attachmentPod(false)], want: ['attaching', 'ClaimBound', 'AttachmentPodsPending'] },
    { name: 'attached, its Pod running', v: attached(), claim: claim('Bound'), sc: storageClass('Immediate'), pods: [attachmentPod(true)], want: ['in-use', 'ClaimBound', 'AttachmentPodsRunning'] },
    { name: 'detached, its Pod still terminating', v: volume(), claim: claim('Bound'), sc: storageClass('Immediate'), pods: [attachmentPod(true, true)], want: ['detaching', 'ClaimBound', 'Detaching'] },
    { name: 'in use before, its Pod recreated on the server\'s new node and not running yet', v: inUse(), claim: claim('Bound'), sc: storageClass('Immediate'), pods: [attachmentPod(false)], want: ['in-use', 'ClaimBound', 'AttachmentPodsMoving'] },
    { name: 'in use before, a second (multiattach) attachment not running yet', v: inUse({ attachments: [...attached().spec.attachments!, { id: 'att-2', serverId: 'other', device: '/dev/vdb', attachedAt: NOW.toISOString() }] }), claim: claim('Bound'), sc: storageClass('Immediate'), pods: [attachmentPod(true)], want: ['attaching', 'ClaimBound', 'AttachmentPodsPending'] },
    { name: 'grown on an expandable class, the claim not yet', v: volume({ size: 2 }), claim: claim('Bound'), sc: storageClass('Immediate', true), want: ['extending', 'ClaimBound', 'NotAttached'] },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then ${c.want[0]}`, () => {
      const st = computeVolumeStatus(c.v, { claim: c.claim, storageClass: c.sc, pods: c.pods ?? [] }, NOW);
      assert.deepEqual([st.status, findCondition(st.conditions, 'Ready')?.reason, findCondition(st.conditions, 'Attached')?.reason], c.want);
      assert.equal(st.observedGeneration, 1);
    });
  }

  const populated: { name: string; v: Volume; dataSource?: { apiGroup?: string; kind: string; name: string }; want: [string, string] }[] = [
    { name: 'made empty', v: volume(), want: ['True', 'NoSource'] },
    { name: 'restored from a VolumeSnapshot', v: volume({ snapshotId: 's1' }), dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap-s1' }, want: ['True', 'RestoredFromSnapshot'] },
    { name: 'cloned from a claim', v: volume({ sourceVolid: 'v0' }), dataSource: { kind: 'PersistentVolumeClaim', name: 'vol-v0' }, want: ['True', 'ClonedFromClaim'] },
    { name: 'made from a snapshot the cluster could not restore', v: volume({ snapshotId: 's1' }), want: ['False', 'NoDataCopied'] },
    { name: 'made from an image', v: volume({ imageId: 'i1' }), want: ['False', 'NoDataCopied'] },
  ];
  for (const c of populated) {
    it(`When ${c.name}, then Populated is ${c.want.join('/')}`, () => {
      const bound = claim('Bound');
      const withSource = c.dataSource ? { ...bound, spec: { ...bound.spec, dataSource: c.dataSource } } : bound;
      const st = computeVolumeStatus(c.v, { claim: withSource, storageClass: storageClass('Immediate'), pods: [] }, NOW);
      const cond = findCondition(st.conditions, 'Populated');
      assert.deepEqual([cond?.status, cond?.reason], c.want);
      assert.equal(st.dataSource, c.dataSource ? `${c.dataSource.kind}/${c.dataSource.name}` : undefined);
    });
  }

  it('When grown on a class that cannot expand, then it is available, records the new size, and Resized says why the claim did not grow', () => {
    const st = computeVolumeStatus(volume({ size: 2 }), { claim: claim('Bound'), storageClass: storageClass('Immediate'), pods: [] }, NOW);
    assert.deepEqual([st.status, st.size, findCondition(st.conditions, 'Resized')?.reason], ['available', 2, 'ExpansionUnsupported']);
  });
});

async function world(seed: (kube: FakeKube) => void) {
  const kube = new FakeKube();
  seed(kube);
  const volumes = new Informer<Volume>(kube, Resources.Volume);
  const persistentVolumeClaims = new Informer<PersistentVolumeClaim>(kube, Resources.PersistentVolumeClaim, { labelSelector: 'app.kubernetes.io/managed-by=openstack-sim' });
  const storageClasses = new Informer<StorageClass>(kube, Resources.StorageClass);
  const pods = new Informer<Pod>(kube, Resources.Pod, { labelSelector: 'app.kubernetes.io/managed-by=openstack-sim' });
  const snapshots = new Informer<Snapshot>(kube, Resources.Snapshot);
  const all = [volumes, snapshots, persistentVolumeClaims, storageClasses, pods];
  await Promise.all(all.map((i) => i.start()));
  const events = new MemoryRecorder();
  const r = new VolumeReconciler({ kube, volumes, snapshots, persistentVolumeClaims, storageClasses, pods, events, now: () => NOW });
  kube.actions.length = 0;
  after(() => all.forEach((i) => i.stop()));
  const settle = async (): Promise<void> => new Promise((res) => setTimeout(res, 20));
  return { kube, r, events, settle, actions: (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`) };
}

const serverPod = (nodeName?: string): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: SERVER, namespace: NS, labels: { ...MANAGED, 'openstack.sim/server-id': SERVER } },
  spec: { containers: [{ name: 'server', image: 'busybox' }], ...(nodeName ? { nodeName } : {}) },
});

describe('VolumeReconciler', () => {
  it('When a volume has no claim, then the claim is created and the status written; a second pass sends nothing', async () => {
    const w = await world((k) => {
      k.seed(Resources.Volume, volume());
      k.seed(Resources.StorageClass, storageClass('Immediate'));
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create PersistentVolumeClaim ${NS}/${CLAIM}`, `replaceStatus Volume ${KEY}`]);
    assert.deepEqual(w.events.reasons, ['CreatedClaim']);
    await w.settle();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [], 'idempotent');
  });

  it('When attached to a server whose Pod has no node yet, then no attachment Pod is made; once it has one, the Pod is made on that node', async () => {
    const w = await world((k) => {
      k.seed(Resources.Volume, attached());
      k.seed(Resources.StorageClass, storageClass('Immediate'));
      k.seed(Resources.PersistentVolumeClaim, claim('Bound'));
      k.seed(Resources.Pod, serverPod());
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`replaceStatus Volume ${KEY}`]);
    assert.equal(w.kube.peek<Volume>(Resources.Volume, ID, NS)?.status?.status, 'attaching');
    await w.kube.replace(Resources.Pod, serverPod('node-2'));
    await w.settle();
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create Pod ${NS}/volatt-${ATT}`, `replaceStatus Volume ${KEY}`], 'the status now lists the Pod');
    const made = w.kube.peek<Pod>(Resources.Pod, `volatt-${ATT}`, NS);
    assert.deepEqual(made?.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0].matchExpressions?.[0].values, ['node-2']);
  });

  it('When the server\'s Pod comes back on another node (a start after a stop), then the attachment Pod is deleted and made again there', async () => {
    const w = await world((k) => {
      k.seed(Resources.Volume, inUse());
      k.seed(Resources.StorageClass, storageClass('Immediate'));
      k.seed(Resources.PersistentVolumeClaim, claim('Bound'));
      k.seed(Resources.Pod, attachmentPod(true));
      k.seed(Resources.Pod, serverPod('node-2'));
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`delete Pod ${NS}/volatt-${ATT}`, `replaceStatus Volume ${KEY}`]);
    assert.equal(w.kube.peek<Volume>(Resources.Volume, ID, NS)?.status?.status, 'in-use', 'Cinder keeps it in-use while it moves');
    await w.settle();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create Pod ${NS}/volatt-${ATT}`, `replaceStatus Volume ${KEY}`]);
    const made = w.kube.peek<Pod>(Resources.Pod, `volatt-${ATT}`, NS);
    assert.deepEqual(made?.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0].matchExpressions?.[0].values, ['node-2']);
  });

  it('When the server is stopped (its Pod gone), then the attachment Pod stays where it is', async () => {
    const w = await world((k) => {
      k.seed(Resources.Volume, inUse());
      k.seed(Resources.StorageClass, storageClass('Immediate'));
      k.seed(Resources.PersistentVolumeClaim, claim('Bound'));
      k.seed(Resources.Pod, attachmentPod(true));
    });
    await w.r.reconcile(KEY);
    assert.ok(!w.actions().some((a) => a.startsWith('delete')));
  });

  it('When the attachment is removed, then its Pod is deleted', async () => {
    const w = await world((k) => {
      k.seed(Resources.Volume, volume());
      k.seed(Resources.StorageClass, storageClass('Immediate'));
      k.seed(Resources.PersistentVolumeClaim, claim('Bound'));
      k.seed(Resources.Pod, attachmentPod(true));
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`delete Pod ${NS}/volatt-${ATT}`, `replaceStatus Volume ${KEY}`]);
  });

  it('When a same-named claim is not ours, then the volume is in error and the error is terminal', async () => {
    const w = await world((k) => {
      k.seed(Resources.Volume, volume());
      const foreign = claim('Bound');
      k.seed(Resources.PersistentVolumeClaim, { ...foreign, metadata: { ...foreign.metadata, ownerReferences: [] } });
    });
    await assert.rejects(w.r.reconcile(KEY), TerminalError);
    assert.equal(w.kube.peek<Volume>(Resources.Volume, ID, NS)?.status?.status, 'error');
  });

  describe('a claim populated from a source', () => {
    const csiClass = (): StorageClass => ({ ...storageClass('Immediate'), provisioner: 'hostpath.csi.k8s.io' });
    const made = (w: { kube: FakeKube }): PersistentVolumeClaim | undefined => w.kube.peek<PersistentVolumeClaim>(Resources.PersistentVolumeClaim, CLAIM, NS);

    it('When made from a snapshot realized as a VolumeSnapshot, then the claim restores it (dataSource VolumeSnapshot)', async () => {
      const w = await world((k) => {
        k.seed(Resources.Volume, volume({ snapshotId: 's1' }));
        k.seed(Resources.StorageClass, csiClass());
        k.seed(Resources.Snapshot, { apiVersion: API_VERSION, kind: 'Snapshot', metadata: { name: 's1', namespace: NS }, spec: { projectId: 'p1', userId: 'u1', volumeId: 'v0', size: 1 }, status: { status: 'available', volumeSnapshotName: 'snap-s1' } });
      });
      await w.r.reconcile(KEY);
      assert.deepEqual(made(w)?.spec.dataSource, { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap-s1' });
    });

    it('When cloned from a volume of the same class and the class\'s provisioner is a CSI driver, then the claim clones its claim; without a CSIDriver, it starts empty', async () => {
      const source = { ...claim('Bound'), metadata: { ...claim('Bound').metadata, name: 'vol-v0' } };
      for (const csi of [true, false]) {
        const w = await world((k) => {
          k.seed(Resources.Volume, volume({ sourceVolid: 'v0' }));
          k.seed(Resources.StorageClass, csiClass());
          k.seed(Resources.PersistentVolumeClaim, source);
          if (csi) k.seed(Resources.CSIDriver, { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'hostpath.csi.k8s.io' } });
        });
        await w.r.reconcile(KEY);
        assert.deepEqual(made(w)?.spec.dataSource, csi ? { kind: 'PersistentVolumeClaim', name: 'vol-v0' } : undefined, `CSIDriver present: ${csi}`);
      }
    });
  });

  describe('a transfer accepted', () => {
    const TAKER = 'os-p2';
    const giverClaim = (volumeName?: string): PersistentVolumeClaim => {
      const c = claim('Bound');
      return { ...c, spec: { ...c.spec, ...(volumeName ? { volumeName } : {}) } };
    };
    const taker = (): Volume => {
      const v = volume({ projectId: 'p2', userId: 'u2', transferredFrom: { namespace: NS, transferId: 'x1' } });
      return { ...v, metadata: { ...v.metadata, namespace: TAKER, uid: 'uid-taker' } };
    };
    const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1' }, spec: { storageClassName: 'standard', claimRef: { kind: 'PersistentVolumeClaim', namespace: NS, name: CLAIM, uid: 'uid-old' } } };
    const snap: Snapshot = { apiVersion: API_VERSION, kind: 'Snapshot', metadata: { name: 's1', namespace: NS }, spec: { projectId: 'p1', userId: 'u1', volumeId: ID, size: 1 } };

    it('When the giver\'s claim holds a PV, then the PV is reserved for the taker\'s claim, which names it; then the giver\'s volume and snapshots are deleted; a second pass sends nothing', async () => {
      const w = await world((k) => {
        k.seed(Resources.Volume, { ...volume({ transferredTo: 'p2' }) });
        k.seed(Resources.Volume, taker());
        k.seed(Resources.PersistentVolumeClaim, giverClaim('pv-1'));
        k.seed(Resources.PersistentVolume, pv);
        k.seed(Resources.Snapshot, snap);
        k.seed(Resources.StorageClass, storageClass('Immediate'));
      });
      await w.r.reconcile(`${TAKER}/${ID}`);
      assert.deepEqual(w.actions(), [
        'get PersistentVolume pv-1', 'mergePatch PersistentVolume pv-1', `create PersistentVolumeClaim ${TAKER}/${CLAIM}`,
        'get PersistentVolume pv-1', `delete Snapshot ${NS}/s1`, `delete Volume ${NS}/${ID}`, `replaceStatus Volume ${TAKER}/${ID}`,
      ]);
      const ref = w.kube.peek<PersistentVolume>(Resources.PersistentVolume, 'pv-1')?.spec.claimRef;
      assert.deepEqual([ref?.namespace, ref?.name, ref?.uid], [TAKER, CLAIM, undefined], 'the binder fills the uid in');
      assert.equal(w.kube.peek<PersistentVolumeClaim>(Resources.PersistentVolumeClaim, CLAIM, TAKER)?.spec.volumeName, 'pv-1');
      assert.deepEqual(w.events.reasons, ['CreatedClaim', 'TransferCompleted']);
      await w.settle();
      await w.r.reconcile(`${TAKER}/${ID}`);
      assert.deepEqual(w.actions(), []);
    });

    it('When the giver\'s claim was never bound, then the taker gets a fresh claim and the giver\'s volume is deleted', async () => {
      const w = await world((k) => {
        k.seed(Resources.Volume, { ...volume({ transferredTo: 'p2' }) });
        k.seed(Resources.Volume, taker());
        k.seed(Resources.PersistentVolumeClaim, giverClaim());
        k.seed(Resources.StorageClass, storageClass('Immediate'));
      });
      await w.r.reconcile(`${TAKER}/${ID}`);
      assert.deepEqual(w.actions(), [`create PersistentVolumeClaim ${TAKER}/${CLAIM}`, `delete Volume ${NS}/${ID}`, `replaceStatus Volume ${TAKER}/${ID}`]);
      assert.equal(w.kube.peek<PersistentVolumeClaim>(Resources.PersistentVolumeClaim, CLAIM, TAKER)?.spec.volumeName, undefined);
    });
  });
});
