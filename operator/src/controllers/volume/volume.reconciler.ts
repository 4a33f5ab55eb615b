// The Volume kind's half of the reconcile shell: its claim exists, is ours and requests the size
// the class lets it have; each attachment has its Pod on the server's node once the server's Pod
// is placed, and removed attachments lose theirs; a transferred volume keeps its data
// (volume.transfer.ts). Deletion needs no finalizer: the claim's and Pods' controller
// ownerReferences let the garbage collector remove them with the volume.
import type { Snapshot, Volume, VolumeStatus } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { attachmentPodName, volumeClaimName } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { PersistentVolumeClaim, Pod, StorageClass } from '../../../../crds/kube-types.js';
import { createOrGet, keepApplied } from '../../runtime/apply.js';
import { TerminalError, type ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder, EventSpec } from '../../runtime/events.js';
import { isControlledBy, type ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { decidedClaim, desiredAttachmentPod, desiredClaim, mountedAttachments, pinnedNode, quantityGiB, VOLUME_LABEL } from './volume.resources.js';
import { computeVolumeStatus, VolumeReason } from './volume.status.js';
import { volumeEvents } from './volume.events.js';
import { claimDataSource } from './volume.populate.js';
import { finishTransfer, inheritedBinding } from './volume.transfer.js';

export interface VolumeReconcilerDeps {
  kube: KubeClient;
  volumes: ObjectCache<Volume>;
  snapshots: ObjectCache<Snapshot>;
  persistentVolumeClaims: ObjectCache<PersistentVolumeClaim>;
  storageClasses: ObjectCache<StorageClass>;
  pods: ObjectCache<Pod>;
  events: EventRecorder;
  now?: () => Date;
}

type Outcome = StepOutcome<VolumeStatus>;
const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export class VolumeReconciler implements ReconcileAdapter<Volume, VolumeStatus> {
  readonly res = Resources.Volume;
  readonly cache: ObjectCache<Volume>;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: VolumeReconcilerDeps) {
    this.cache = d.volumes;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  async sync(v: Volume, ctx: StepContext<Volume>): Promise<Outcome> {
    const observed = this.d.persistentVolumeClaims.get(volumeClaimName(v.metadata.name), v.metadata.namespace);
    if (observed && !isControlledBy(observed, v)) {
      const conflict = `PersistentVolumeClaim ${observed.metadata.name} already exists and is not controlled by this volume`;
      return { status: computeVolumeStatus(v, { pods: [], conflict }, ctx.now), terminal: new TerminalError(conflict, VolumeReason.ClaimConflict) };
    }
    // The class the claim names, or the default one, which is what admission gives a new claim naming none.
    const storageClass = this.classOf(observed?.spec.storageClassName ?? v.spec.storageClassName);
    const claim = observed ? await this.keepClaim(v, observed, storageClass) : await this.createClaim(v, storageClass);
    await finishTransfer(this.d, v, claim);
    const pods = await this.syncAttachments(v);
    return { status: computeVolumeStatus(v, { claim, storageClass, pods }, ctx.now) };
  }

  async finalize(): Promise<Outcome> {
    return {};
  }

  transitionEvents(prev: VolumeStatus | undefined, next: VolumeStatus): EventSpec[] {
    return volumeEvents(prev, next);
  }

  /** The named class, or the cluster's default when none is named (as the admission plugin picks it). */
  private classOf(name: string | undefined): StorageClass | undefined {
    if (name) return this.d.storageClasses.get(name);
    return this.d.storageClasses.list().find((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  }

  /** A transferred volume's claim binds the PV it had; a new one may be populated from a snapshot or a clone. */
  private async createClaim(v: Volume, storageClass: StorageClass | undefined): Promise<PersistentVolumeClaim> {
    const inherited = await inheritedBinding(this.d, v);
    const dataSource = inherited.volumeName ? undefined : await claimDataSource(this.d, v, storageClass);
    const { object, created } = await createOrGet(this.d.kube, Resources.PersistentVolumeClaim, desiredClaim(v, v.spec.size, { ...inherited, ...(dataSource ? { dataSource } : {}) }));
    const from = dataSource ? ` from ${dataSource.kind} ${dataSource.name}` : '';
    if (created) this.d.events.record(Resources.Volume, v, { type: 'Normal', reason: 'CreatedClaim', note: `Created claim ${object.metadata.name} for ${v.spec.size} GiB${from}` });
    return object;
  }

  /** Grows the claim where its class allows it; elsewhere the claim keeps its size (a request cannot change). */
  private keepClaim(v: Volume, observed: PersistentVolumeClaim, storageClass: StorageClass | undefined): Promise<PersistentVolumeClaim> {
    const current = quantityGiB(observed.spec.resources?.requests?.storage) ?? v.spec.size;
    const size = storageClass?.allowVolumeExpansion ? Math.max(current, v.spec.size) : current;
    const desired = desiredClaim(v, size);
    return keepApplied(this.d.kube, Resources.PersistentVolumeClaim, { desired, observed, decided: decidedClaim });
  }

  /**
   * Each attachment's Pod once its server's Pod has a node, and again on the new node when the
   * server's Pod comes back elsewhere (a start after a stop); Pods of removed attachments deleted.
   * Returns every Pod of this volume.
   */
  private async syncAttachments(v: Volume): Promise<Pod[]> {
    const ns = v.metadata.namespace;
    const mine = this.d.pods.list(ns).filter((p) => p.metadata.labels?.[VOLUME_LABEL] === v.metadata.name && isControlledBy(p, v));
    const out: Pod[] = [];
    for (const a of mountedAttachments(v)) {
      const existing = mine.find((p) => p.metadata.name === attachmentPodName(a.id));
      const node = this.d.pods.get(a.serverId, ns)?.spec.nodeName;
      // A Pod pinned to another node is left out here, and so deleted below.
      if (existing && node && pinnedNode(existing) !== node) continue;
      if (existing) out.push(existing);
      else if (node) out.push(await this.createAttachmentPod(v, a, node));
    }
    for (const p of mine) {
      if (out.includes(p)) continue;
      out.push(p);
      if (!p.metadata.deletionTimestamp) await this.d.kube.delete(Resources.Pod, p.metadata.name, ns);
    }
    return out;
  }

  private async createAttachmentPod(v: Volume, a: NonNullable<Volume['spec']['attachments']>[number], node: string): Promise<Pod> {
    const { object, created } = await createOrGet(this.d.kube, Resources.Pod, desiredAttachmentPod(v, a, node));
    if (created) this.d.events.record(Resources.Volume, v, { type: 'Normal', reason: 'CreatedAttachmentPod', note: `Created Pod ${object.metadata.name} mounting the claim as ${a.device} of server ${a.serverId} on node ${node}` });
    return object;
  }
}
