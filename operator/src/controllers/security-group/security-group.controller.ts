// Watches for the security group controller: a SecurityGroup event enqueues the group; a
// NetworkPolicy event enqueues the group named by its controller ownerReference.
import type { SecurityGroup } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import type { NetworkPolicy } from '../../../../crds/kube-types.js';
import { controllerKey, keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { SecurityGroupReconciler } from './security-group.reconciler.js';

export const SECURITY_GROUP_CONTROLLER = 'security-group';

const SECURITY_GROUP_CACHES = ['securityGroups', 'networkPolicies'] as const;
export type SecurityGroupWatchSources = Pick<Caches, (typeof SECURITY_GROUP_CACHES)[number]>;

export function watchSecurityGroups(src: SecurityGroupWatchSources, enqueue: (key: string) => void): void {
  const self = (sg: SecurityGroup): void => enqueue(keyOf(sg));
  src.securityGroups.on({ onUpsert: self, onDelete: self });
  const owner = (np: NetworkPolicy): void => {
    const key = controllerKey(np, Resources.SecurityGroup);
    if (key) enqueue(key);
  };
  src.networkPolicies.on({ onUpsert: owner, onDelete: owner });
}

export const securityGroupController = defineController({
  name: SECURITY_GROUP_CONTROLLER,
  primary: 'securityGroups',
  informers: SECURITY_GROUP_CACHES,
  watch: watchSecurityGroups,
  newReconciler: ({ kube, events, caches }) => new SecurityGroupReconciler({ kube, events, ...caches }).reconcile,
});
