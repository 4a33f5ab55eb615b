// The informer caches controllers may ask for, one line each: which kind, which selector, and the
// object type the cache holds. The operator starts only those some registered controller needs.
import type { KubeObject } from '../../../crds/kube-object.js';
import type { Quota, QuotaClass, AddressAllocation, ApplicationCredential, Domain, Role, Flavor, Group, NameClaim, User, FloatingIP, Image, InstanceAction, Network, Port, Project, SecurityGroup, Server, Snapshot, Volume } from '../../../crds/types.generated.js';
import type { ListOptions } from '../../../crds/client/client.js';
import type { Namespace, NetworkPolicy, Node, PersistentVolumeClaim, Pod, Service, StorageClass } from '../../../crds/kube-types.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../crds/naming.js';
import { Resources, type ResourceType } from '../../../crds/resources.js';
import type { Watchable } from '../runtime/objects.js';

export type Selector = Pick<ListOptions, 'labelSelector' | 'fieldSelector'>;

export interface CacheSpec<T extends KubeObject> {
  res: ResourceType;
  selector: Selector;
  /** Type-level only: the object type the cache holds. */
  readonly object?: T;
}

function cache<T extends KubeObject>(res: ResourceType, selector: Selector = {}): CacheSpec<T> {
  return { res, selector };
}

/** Children we create carry the managed-by label: caching only those keeps the caches small. */
const MANAGED: Selector = { labelSelector: `${MANAGED_BY_LABEL}=${MANAGED_BY}` };

export const CACHES = {
  servers: cache<Server>(Resources.Server),
  pods: cache<Pod>(Resources.Pod, MANAGED),
  flavors: cache<Flavor>(Resources.Flavor),
  images: cache<Image>(Resources.Image),
  nodes: cache<Node>(Resources.Node),
  projects: cache<Project>(Resources.Project),
  namespaces: cache<Namespace>(Resources.Namespace, MANAGED),
  securityGroups: cache<SecurityGroup>(Resources.SecurityGroup),
  ports: cache<Port>(Resources.Port),
  networks: cache<Network>(Resources.Network),
  networkPolicies: cache<NetworkPolicy>(Resources.NetworkPolicy, MANAGED),
  floatingIPs: cache<FloatingIP>(Resources.FloatingIP),
  addressAllocations: cache<AddressAllocation>(Resources.AddressAllocation),
  services: cache<Service>(Resources.Service, MANAGED),
  volumes: cache<Volume>(Resources.Volume),
  snapshots: cache<Snapshot>(Resources.Snapshot),
  persistentVolumeClaims: cache<PersistentVolumeClaim>(Resources.PersistentVolumeClaim, MANAGED),
  storageClasses: cache<StorageClass>(Resources.StorageClass),
  instanceActions: cache<InstanceAction>(Resources.InstanceAction),
  nameClaims: cache<NameClaim>(Resources.NameClaim),
  users: cache<User>(Resources.User),
  groups: cache<Group>(Resources.Group),
  applicationCredentials: cache<ApplicationCredential>(Resources.ApplicationCredential),
  domains: cache<Domain>(Resources.Domain),
  roles: cache<Role>(Resources.Role),
  quotas: cache<Quota>(Resources.Quota),
  quotaClasses: cache<QuotaClass>(Resources.QuotaClass),
};

export type CacheName = keyof typeof CACHES;
type ObjectOf<S> = S extends CacheSpec<infer T> ? T : never;
export type Caches = { [K in CacheName]: Watchable<ObjectOf<(typeof CACHES)[K]>> };
