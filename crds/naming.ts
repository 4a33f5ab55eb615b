// Names and labels shared by the API server and the operator: both must agree on them.
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'openstack-sim';
export const PROJECT_LABEL = 'openstack.sim/project-id';
export const SERVER_LABEL = 'openstack.sim/server-id';
/** On a server's Pod: the server group it belongs to, which the group's pod (anti-)affinity selects. */
export const SERVER_GROUP_LABEL = 'openstack.sim/server-group';
/** On a Keypair: the user it belongs to (keypairs are a user's, not a project's). */
export const USER_LABEL = 'openstack.sim/user-id';
export const FINALIZER = 'openstack.sim/finalizer';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
export const API_FIELD_MANAGER = 'openstack-sim-api';
export const OPERATOR_FIELD_MANAGER = 'openstack-sim-operator';
export const DEFAULT_SYSTEM_NAMESPACE = 'openstack-sim-system';

/** Each Keystone project is realized as one namespace. */
export function projectNamespace(projectId: string): string {
  return `os-${projectId}`;
}

/**
 * The label a Pod carries for each security group of its ports (value "member"): the group's
 * NetworkPolicy selects the Pods with it, and rules with a remote group name it as their peer.
 */
export function securityGroupLabel(groupId: string): string {
  return `sg.openstack.sim/${groupId}`;
}

/** The PersistentVolumeClaim realizing a Cinder volume, in the volume's namespace. */
export function volumeClaimName(volumeId: string): string {
  return `vol-${volumeId}`;
}

/** The CSI VolumeSnapshot realizing a Cinder snapshot, where the cluster can take one. */
export function volumeSnapshotName(snapshotId: string): string {
  return `snap-${snapshotId}`;
}

/** The Pod that mounts an attached volume's claim on its server's node. */
export function attachmentPodName(attachmentId: string): string {
  return `volatt-${attachmentId}`;
}
