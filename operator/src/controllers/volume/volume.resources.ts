// Pure builders for what a Volume becomes: its PersistentVolumeClaim (size GiB of its type's
// StorageClass; ReadWriteMany when multiattach, so claims on several nodes are allowed), and one
// attachment Pod per attachment, pinned to the server's node, that mounts the claim at
// /volumes/<device> (vdb, vdc...). KubeVirt's hotplug works the same way: a Pod beside the VM's
// holds the volume on that node, because a running Pod's volumes cannot change.
import type { Volume } from '../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, HOSTNAME_LABEL, attachmentPodName, volumeClaimName } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import type { PersistentVolumeClaim, Pod } from '../../../../crds/kube-types.js';
import { controllerReference } from '../../runtime/objects.js';
import { tenantContainerSecurityContext, tenantPodSecurityContext } from '../../runtime/pod-security.js';
import { DEFAULT_CONTAINER_IMAGE, type TenantPod } from '../server/server.resources.js';

export const VOLUME_LABEL = 'openstack.sim/volume-id';
export const ATTACHMENT_LABEL = 'openstack.sim/attachment-id';
export const ATTACHED_SERVER_ANNOTATION = 'openstack.sim/attached-server-id';
export const VOLUMES_MOUNT_ROOT = '/volumes';
const HOLD_COMMAND = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 3600 & wait $!; done'];

export type VolumeAttachmentSpec = NonNullable<Volume['spec']['attachments']>[number];

/** The attachments that get a Pod: all but those only reserved through Cinder's attachments API (no connector yet). */
export function mountedAttachments(v: Volume): VolumeAttachmentSpec[] {
  return (v.spec.attachments ?? []).filter((a) => a.state !== 'reserved');
}

function labels(v: Volume): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: v.spec.projectId, [VOLUME_LABEL]: v.metadata.name };
}

type ClaimOrigin = Pick<PersistentVolumeClaim['spec'], 'volumeName' | 'storageClassName' | 'dataSource'>;

/**
 * `sizeGiB` is what the claim should request: the volume's size, or the claim's own where it
 * cannot grow. `origin` names the PersistentVolume (and its class) a transferred volume keeps, or
 * the VolumeSnapshot or claim a new one is populated from.
 */
export function desiredClaim(v: Volume, sizeGiB: number, origin: ClaimOrigin = {}): PersistentVolumeClaim {
  return {
    ...typeMeta(Resources.PersistentVolumeClaim),
    metadata: { name: volumeClaimName(v.metadata.name), namespace: v.metadata.namespace, labels: labels(v), ownerReferences: [controllerReference(Resources.Volume, v)] },
    spec: {
      accessModes: [v.spec.multiattach ? 'ReadWriteMany' : 'ReadWriteOnce'],
      resources: { requests: { storage: `${sizeGiB}Gi` } },
      ...(v.spec.storageClassName ? { storageClassName: v.spec.storageClassName } : {}),
      volumeMode: 'Filesystem',
      ...origin,
    },
  };
}

/** The part of a claim the builder decides and may change later: its size request. */
export function decidedClaim(c: PersistentVolumeClaim): string | undefined {
  return c.spec.resources?.requests?.storage;
}

/** `/dev/vdb` → `vdb`: the directory the attachment Pod mounts the claim at. */
export function mountDir(device: string): string {
  return `${VOLUMES_MOUNT_ROOT}/${device.replace(/^\/dev\//, '').replace(/[^a-z0-9]/gi, '-') || 'volume'}`;
}

export function desiredAttachmentPod(v: Volume, a: VolumeAttachmentSpec, node: string): TenantPod {
  const readOnly = a.mode === 'ro' || v.spec.readOnly === true;
  return {
    ...typeMeta(Resources.Pod),
    metadata: {
      name: attachmentPodName(a.id),
      namespace: v.metadata.namespace,
      labels: { ...labels(v), [ATTACHMENT_LABEL]: a.id },
      annotations: { [ATTACHED_SERVER_ANNOTATION]: a.serverId },
      ownerReferences: [controllerReference(Resources.Volume, v)],
    },
    spec: {
      containers: [{
        name: 'attachment', image: DEFAULT_CONTAINER_IMAGE, command: HOLD_COMMAND,
        resources: { requests: { cpu: '1m', memory: '4Mi' }, limits: { cpu: '10m', memory: '16Mi' } },
        volumeMounts: [{ name: 'volume', mountPath: mountDir(a.device), readOnly }],
        securityContext: tenantContainerSecurityContext(),
      }],
      volumes: [{ name: 'volume', persistentVolumeClaim: { claimName: volumeClaimName(v.metadata.name), readOnly } }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 5,
      enableServiceLinks: false,
      automountServiceAccountToken: false,
      securityContext: tenantPodSecurityContext(),
      tolerations: [{ key: 'kwok.x-k8s.io/node', operator: 'Exists', effect: 'NoSchedule' }],
      // Affinity, not nodeName: the scheduler then binds a WaitForFirstConsumer claim on that node.
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME_LABEL, operator: 'In', values: [node] }] }] } } },
    },
  };
}

/** A quantity such as 1Gi, 1073741824 or 1G, in whole GiB (rounded up); undefined if unreadable. */
export function quantityGiB(q: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/.exec(q ?? '');
  if (!m) return undefined;
  const scale: Record<string, number> = { '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };
  return Math.ceil((Number(m[1]) * scale[m[2] ?? '']) / 2 ** 30);
}

/** The node an attachment Pod is pinned to (its affinity's one hostname). */
export function pinnedNode(pod: Pod): string | undefined {
  const [term] = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return term?.matchExpressions?.find((m) => m.key === HOSTNAME_LABEL)?.values?.[0];
}
