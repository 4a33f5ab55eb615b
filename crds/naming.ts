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
/** On a Node: why its nova-compute service was disabled (the cordon is spec.unschedulable). */
export const DISABLED_REASON_ANNOTATION = 'openstack.sim/disabled-reason';
/** On a Node: Nova's forced_down flag of its nova-compute service (2.11), reported as state down. */
export const FORCED_DOWN_ANNOTATION = 'openstack.sim/forced-down';
/** On a Node, one label per host aggregate it is in: aggregate.openstack.sim/<aggregate id>. */
export const AGGREGATE_LABEL_PREFIX = 'aggregate.openstack.sim/';
/** On a Node whose zone an aggregate's availability_zone set: the zone label it had before ("" for none). */
export const ZONE_BEFORE_AGGREGATE_ANNOTATION = 'openstack.sim/zone-before-aggregate';
/** On a Node: the aggregate registry's resourceVersion last projected onto its labels. */
export const AGGREGATES_APPLIED_ANNOTATION = 'openstack.sim/aggregates-applied';
/** The ConfigMap, in the API server's namespace, holding every host aggregate (one object: one transaction). */
export const AGGREGATE_REGISTRY_NAME = 'openstack-sim-aggregates';
/** The ConfigMap, in the API server's namespace, holding Keystone's added catalog entries (services, endpoints, regions, endpoint groups) and policies. */
export const CATALOG_REGISTRY_NAME = 'openstack-sim-catalog';
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

/**
 * A DNS label from a display name, as Nova derives an instance's hostname: the API keeps it in the
 * Server's spec.hostname at create, and the operator gives the Pod the same (a Pod's hostname must
 * be one RFC 1123 label).
 */
export function hostnameLabel(displayName: string): string {
  const label = displayName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return label || 'server';
}
