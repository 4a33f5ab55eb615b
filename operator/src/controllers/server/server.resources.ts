// Pure builders for what a Server becomes: its Pod, plus the deterministic names and addresses
// derived from the server id. Same input, same output: no clocks, no randomness.
import { flavorResources, traitTerms } from './server.extra-specs.js';
import { CONFIG_DRIVE_DIR, CONFIG_DRIVE_VOLUME, configDriveVolume, wantsConfigDrive } from './server.config-drive.js';
import { createHash } from 'node:crypto';
import type { Flavor, Image, Server } from '../../../../crds/types.generated.js';
import { hostnameLabel, MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, SERVER_GROUP_LABEL, SERVER_LABEL, ZONE_LABEL, HOSTNAME_LABEL } from '../../../../crds/naming.js';
import type { ObjectMeta } from '../../../../crds/kube-object.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import type { Affinity, NodeSelectorRequirement, Pod, PodVolume } from '../../../../crds/kube-types.js';
import { controllerReference } from '../../runtime/objects.js';
import { tenantContainerSecurityContext, tenantPodSecurityContext, type SecureContainer, type SecurePodSpec } from '../../runtime/pod-security.js';

/** What a server runs when its Image names no container image (or it boots from a volume). */
export const DEFAULT_CONTAINER_IMAGE = 'docker.io/library/busybox:stable';
/** Keeps the default image alive like a VM, and stops at once on SIGTERM. */
const DEFAULT_COMMAND = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 3600 & wait $!; done'];
/** Nova's default availability zone, which means "any zone". */
export const DEFAULT_AZ = 'nova';
export const SERVER_CONTAINER = 'server';
export const TERMINATION_GRACE_SECONDS = 5;

export const ANNOTATION_SERVER_NAME = 'openstack.sim/server-name';
export const ANNOTATION_FLAVOR = 'openstack.sim/flavor-id';
export const ANNOTATION_IMAGE = 'openstack.sim/image-id';
/** On a rescue boot's Pod: the image it runs instead of the server's own. */
export const ANNOTATION_RESCUE_IMAGE = 'openstack.sim/rescue-image-id';

/** The image the server's next Pod runs: its rescue image while rescued (its own when none is named). */
export function bootImageRef(server: Server): string | undefined {
  const { rescue, imageRef } = server.spec;
  return rescue ? (rescue.imageRef ?? imageRef) : imageRef;
}
/** The keypair's public key, which the Pod's downward API volume shows as authorized_keys. */
export const ANNOTATION_AUTHORIZED_KEYS = 'openstack.sim/authorized-keys';
/** Which boot of the server the Pod is (spec.boot.serial; absent for the first): an older one is replaced. */
export const ANNOTATION_BOOT_SERIAL = 'openstack.sim/boot-serial';
/** running or paused: a paused server keeps its Pod, as a paused guest keeps its memory on its host. */
export const ANNOTATION_POWER_STATE = 'openstack.sim/power-state';
export const SSH_KEYS_VOLUME = 'ssh-keys';
export const SSH_KEYS_DIR = '/root/.ssh';

/** A Pod whose spec carries the tenant securityContext (typed here until crds/kube-types.ts has it). */
export type TenantPod = Pod & { spec: SecurePodSpec };

/**
 * The metadata the operator owns on a server's Pod: labels, annotations and the controller
 * reference. It depends on the Server (and the security groups of its ports) alone, so drift can be
 * checked without the flavor or image (which may since have been deleted: a running server keeps
 * running).
 */
export function desiredPodMetadata(server: Server, groupLabels: Record<string, string> = {}): ObjectMeta {
  const { name, namespace } = server.metadata;
  const { flavorRef, imageRef } = server.spec;
  return {
    name,
    namespace,
    labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [SERVER_LABEL]: name, [PROJECT_LABEL]: server.spec.projectId, ...serverGroupLabel(server), ...groupLabels },
    annotations: {
      [ANNOTATION_SERVER_NAME]: server.spec.name,
      [ANNOTATION_FLAVOR]: flavorRef,
      ...(imageRef ? { [ANNOTATION_IMAGE]: imageRef } : {}),
      ...(server.spec.rescue ? { [ANNOTATION_RESCUE_IMAGE]: bootImageRef(server) ?? '' } : {}),
      ...(server.spec.keyData ? { [ANNOTATION_AUTHORIZED_KEYS]: authorizedKeys(server.spec.keyData) } : {}),
      ...(server.spec.boot ? { [ANNOTATION_BOOT_SERIAL]: String(server.spec.boot.serial) } : {}),
      [ANNOTATION_POWER_STATE]: server.spec.powerState === 'Paused' ? 'paused' : 'running',
    },
    ownerReferences: [controllerReference(Resources.Server, server)],
  };
}

/** The Pod realizing server: same name and namespace, controlled by the Server. */
export function desiredPod(server: Server, flavor: Flavor, image: Image | undefined, groupLabels: Record<string, string> = {}): TenantPod {
  return {
    ...typeMeta(Resources.Pod),
    metadata: desiredPodMetadata(server, groupLabels),
    spec: {
      containers: [withConfigDriveMount(withKeyMount(serverContainer(flavor, image), server), server)],
      ...podVolumes(server),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
      hostname: podHostname(server),
      enableServiceLinks: false,
      automountServiceAccountToken: false,
      securityContext: tenantPodSecurityContext(),
      // kwok's fake nodes may carry this taint; on other clusters the toleration is inert.
      tolerations: [{ key: 'kwok.x-k8s.io/node', operator: 'Exists', effect: 'NoSchedule' }],
      ...affinity(server, flavor),
    },
  };
}

const serverGroupLabel = (server: Server): Record<string, string> => (server.spec.serverGroup ? { [SERVER_GROUP_LABEL]: server.spec.serverGroup.id } : {});

/**
 * A server group's policy as pod (anti-)affinity among the Pods of its members, per node: affinity
 * and anti-affinity are required (a Pod that cannot be placed is "No valid host"), the soft ones
 * preferred. The first Pod of an affinity group may go anywhere: it matches its own selector.
 */
function groupAffinity(server: Server): Pick<Affinity, 'podAffinity' | 'podAntiAffinity'> {
  const group = server.spec.serverGroup;
  if (!group) return {};
  const term = { labelSelector: { matchLabels: { [SERVER_GROUP_LABEL]: group.id } }, topologyKey: HOSTNAME_LABEL };
  const key = group.policy.endsWith('anti-affinity') ? 'podAntiAffinity' : 'podAffinity';
  const rules = group.policy.startsWith('soft-') ? { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] } : { requiredDuringSchedulingIgnoredDuringExecution: [term] };
  return { [key]: rules };
}

function affinity(server: Server, flavor: Flavor): { affinity?: Affinity } {
  const combined = { ...nodeAffinity(server, flavor), ...groupAffinity(server) };
  return Object.keys(combined).length ? { affinity: combined } : {};
}

function serverContainer(flavor: Flavor, image: Image | undefined): SecureContainer {
  const custom = image?.spec.containerImage;
  // Requests equal limits: the Guaranteed QoS class, the closest thing to a VM's dedicated resources.
  const size = flavorResources(flavor);
  return {
    name: SERVER_CONTAINER,
    image: custom || DEFAULT_CONTAINER_IMAGE,
    ...(custom ? {} : { command: DEFAULT_COMMAND }),
    resources: { requests: { ...size }, limits: { ...size } },
    securityContext: tenantContainerSecurityContext(),
  };
}

/** The boot serial a Pod was made for (0: the first boot, before any reboot or rebuild). */
export function podBootSerial(pod: Pod): number {
  return Number(pod.metadata.annotations?.[ANNOTATION_BOOT_SERIAL] ?? 0) || 0;
}

/** Whether a Pod was made for an earlier boot than the server now asks for (a reboot or rebuild). */
export function isStaleBoot(server: Server, pod: Pod): boolean {
  return podBootSerial(pod) < (server.spec.boot?.serial ?? 0);
}

export const isPausedPod = (pod: Pod): boolean => pod.metadata.annotations?.[ANNOTATION_POWER_STATE] === 'paused';

/** One key per line, as sshd reads authorized_keys. */
const authorizedKeys = (keyData: string): string => `${keyData.trim()}\n`;

/**
 * Nova's injection of the keypair, done the Kubernetes way: the key is the Pod's own annotation,
 * and a downward API volume shows it as /root/.ssh/authorized_keys (read-only; 0644, since the
 * container need not run as root and a public key is no secret). No Secret to create or clean up.
 */
function sshKeysVolume(): PodVolume {
  const items = [{ path: 'authorized_keys', fieldRef: { fieldPath: `metadata.annotations['${ANNOTATION_AUTHORIZED_KEYS}']` } }];
  return { name: SSH_KEYS_VOLUME, downwardAPI: { defaultMode: 0o644, items } };
}

/** The key's downward API volume and the config drive's Secret volume, those the server has. */
function podVolumes(server: Server): { volumes?: PodVolume[] } {
  const volumes = [...(server.spec.keyData ? [sshKeysVolume()] : []), ...(wantsConfigDrive(server) ? [configDriveVolume(server)] : [])];
  return volumes.length ? { volumes } : {};
}

function withConfigDriveMount(container: SecureContainer, server: Server): SecureContainer {
  if (!wantsConfigDrive(server)) return container;
  return { ...container, volumeMounts: [...(container.volumeMounts ?? []), { name: CONFIG_DRIVE_VOLUME, mountPath: CONFIG_DRIVE_DIR, readOnly: true }] };
}

function withKeyMount(container: SecureContainer, server: Server): SecureContainer {
  if (!server.spec.keyData) return container;
  return { ...container, volumeMounts: [...(container.volumeMounts ?? []), { name: SSH_KEYS_VOLUME, mountPath: SSH_KEYS_DIR, readOnly: true }] };
}

/** The migration the next boot carries out, if any: only the boot it was asked for. */
export function pendingMigration(server: Server): NonNullable<Server['spec']['migration']> | undefined {
  const m = server.spec.migration;
  return m && m.serial === server.spec.boot?.serial ? m : undefined;
}

/** A migrating server's Pod must leave its host (for the host named, if one was); others' are bound to their zone. */
function requiredNodeTerms(server: Server, flavor: Flavor): NodeSelectorRequirement[] {
  const zone = server.spec.availabilityZone;
  const terms: NodeSelectorRequirement[] = zone && zone !== DEFAULT_AZ ? [{ key: ZONE_LABEL, operator: 'In', values: [zone] }] : [];
  terms.push(...traitTerms(flavor));
  const m = pendingMigration(server);
  if (m) terms.push({ key: HOSTNAME_LABEL, operator: 'NotIn', values: [m.fromHost] });
  if (m?.toHost) terms.push({ key: HOSTNAME_LABEL, operator: 'In', values: [m.toHost] });
  return terms;
}

/**
 * The zone asked for is required. A server started again prefers the node it last ran on, as Nova
 * starts a stopped instance on its host: its attached volumes are held there. A migration's Pod
 * must leave that node instead.
 */
function nodeAffinity(server: Server, flavor: Flavor): Pick<Affinity, 'nodeAffinity'> {
  const terms = requiredNodeTerms(server, flavor);
  const host = pendingMigration(server) ? undefined : server.status?.host;
  const required = terms.length ? { nodeSelectorTerms: [{ matchExpressions: terms }] } : undefined;
  const preferred = host ? [{ weight: 100, preference: { matchExpressions: [{ key: HOSTNAME_LABEL, operator: 'In' as const, values: [host] }] } }] : undefined;
  if (!required && !preferred) return {};
  return {
    nodeAffinity: {
      ...(required ? { requiredDuringSchedulingIgnoredDuringExecution: required } : {}),
      ...(preferred ? { preferredDuringSchedulingIgnoredDuringExecution: preferred } : {}),
    },
  };
}

/** The Pod's hostname: the server's own (kept from its create, as Nova keeps it across renames). */
export function podHostname(server: Server): string {
  return hostnameLabel(server.spec.hostname ?? server.spec.name);
}

/** Nova's libvirt-style instance name, from the first 8 hex digits of the id. */
export function instanceName(serverId: string): string {
  return `instance-${serverId.replace(/-/g, '').slice(0, 8)}`;
}

/** A stable, lowercase MAC in OpenStack's fa:16:3e prefix, derived from the server id. */
export function macAddress(serverId: string): string {
  const h = createHash('sha256').update(serverId).digest();
  const tail = [h[0], h[1], h[2]].map((b) => b.toString(16).padStart(2, '0'));
  return ['fa', '16', '3e', ...tail].join(':');
}
