// Watches for the floating IP controller: a FloatingIP event enqueues it; a Service event enqueues
// the floating IP named by its controller ownerReference; a Port event (bound to another server,
// say) enqueues the floating IPs associated with it.
import type { FloatingIP, Port } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import type { Service } from '../../../../crds/kube-types.js';
import { controllerKey, keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { FloatingIpReconciler } from './floating-ip.reconciler.js';

export const FLOATING_IP_CONTROLLER = 'floating-ip';

const FLOATING_IP_CACHES = ['floatingIPs', 'ports', 'services'] as const;
export type FloatingIpWatchSources = Pick<Caches, (typeof FLOATING_IP_CACHES)[number]>;

export function watchFloatingIps(src: FloatingIpWatchSources, enqueue: (key: string) => void): void {
  const self = (f: FloatingIP): void => enqueue(keyOf(f));
  src.floatingIPs.on({ onUpsert: self, onDelete: self });
  const owner = (s: Service): void => {
    const key = controllerKey(s, Resources.FloatingIP);
    if (key) enqueue(key);
  };
  src.services.on({ onUpsert: owner, onDelete: owner });
  const bound = (p: Port): void => {
    for (const f of src.floatingIPs.list(p.metadata.namespace)) if (f.spec.portId === p.metadata.name) enqueue(keyOf(f));
  };
  src.ports.on({ onUpsert: bound, onDelete: bound });
}

export const floatingIpController = defineController({
  name: FLOATING_IP_CONTROLLER,
  primary: 'floatingIPs',
  informers: FLOATING_IP_CACHES,
  watch: watchFloatingIps,
  newReconciler: ({ kube, events, caches }) => new FloatingIpReconciler({ kube, events, ...caches }).reconcile,
});
