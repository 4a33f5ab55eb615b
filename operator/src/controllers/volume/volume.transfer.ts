// A transfer accepted: the API has copied the volume's snapshots and made the taking project's
// Volume (same id, spec.transferredFrom naming the giving namespace), and marks the giving one
// transferredTo. A claim cannot change namespace, but its PersistentVolume can change claim: the
// PV's claimRef is pointed at the taker's claim, which is then created naming the PV (the PV
// controller binds them, and the giver's claim goes Lost, so deleting it reclaims nothing). Only
// then are the giver's Volume and snapshot records deleted; the claim goes with the Volume. The
// data stays where it was. Without a bound PV (a claim not yet provisioned) there is nothing to
// keep, and the taker's claim is provisioned afresh. Every step is idempotent, so a crash of the
// API after it made the taker's Volume is finished here.
import type { Snapshot, Volume } from '../../../../crds/types.generated.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import { volumeClaimName } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { PersistentVolume, PersistentVolumeClaim } from '../../../../crds/kube-types.js';
import type { EventRecorder } from '../../runtime/events.js';
import type { ObjectCache } from '../../runtime/objects.js';

export interface TransferDeps {
  kube: KubeClient;
  volumes: ObjectCache<Volume>;
  snapshots: ObjectCache<Snapshot>;
  persistentVolumeClaims: ObjectCache<PersistentVolumeClaim>;
  events: EventRecorder;
}

/**
 * The PV the taker's new claim must name (with its class), reserved for that claim first: the PV
 * controller then binds the claim as soon as it exists, and the giver's claim goes Lost.
 */
export async function inheritedBinding(d: TransferDeps, v: Volume): Promise<Pick<PersistentVolumeClaim['spec'], 'volumeName' | 'storageClassName'>> {
  const from = v.spec.transferredFrom;
  const claimName = volumeClaimName(v.metadata.name);
  const left = from ? d.persistentVolumeClaims.get(claimName, from.namespace) : undefined;
  if (!left?.spec.volumeName) return {};
  await reserveFor(d.kube, left.spec.volumeName, v.metadata.namespace ?? '', claimName);
  return { volumeName: left.spec.volumeName, ...(left.spec.storageClassName ? { storageClassName: left.spec.storageClassName } : {}) };
}

/** Once the PV is the taker's claim's, deletes the giver's Volume; nothing once that is gone. */
export async function finishTransfer(d: TransferDeps, v: Volume, claim: PersistentVolumeClaim): Promise<void> {
  const from = v.spec.transferredFrom;
  const giver = from ? d.volumes.get(v.metadata.name, from.namespace) : undefined;
  if (!from || !giver || giver.metadata.deletionTimestamp) return;
  const pv = claim.spec.volumeName;
  if (pv) await reserveFor(d.kube, pv, claim.metadata.namespace ?? '', claim.metadata.name);
  const leftSnapshots = from.noSnapshots ? [] : d.snapshots.list(from.namespace).filter((x) => x.spec.volumeId === v.metadata.name);
  for (const snap of leftSnapshots) {
    if (!snap.metadata.deletionTimestamp) await d.kube.delete(Resources.Snapshot, snap.metadata.name, from.namespace);
  }
  await d.kube.delete(Resources.Volume, giver.metadata.name, from.namespace);
  d.events.record(Resources.Volume, v, {
    type: 'Normal', reason: 'TransferCompleted',
    note: pv ? `PersistentVolume ${pv} is now claim ${claim.metadata.name}'s; deleted the volume left in ${from.namespace}` : `Deleted the volume left in ${from.namespace}; its claim held no data yet`,
  });
}

/** Points the PV's claimRef at namespace/name (no uid: the binder fills it in); nothing when it already does. */
async function reserveFor(kube: KubeClient, pvName: string, namespace: string, name: string): Promise<void> {
  const pv = await kube.get<PersistentVolume>(Resources.PersistentVolume, pvName);
  const ref = pv?.spec.claimRef;
  if (!pv || (ref?.namespace === namespace && ref.name === name)) return;
  const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name, uid: null, resourceVersion: null };
  await kube.mergePatch(Resources.PersistentVolume, pvName, undefined, { spec: { claimRef } });
}
