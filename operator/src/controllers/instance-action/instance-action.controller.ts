// Watches for the instance action controller: an InstanceAction event enqueues it; a Server event
// enqueues that server's unfinished actions.
import type { InstanceAction, Server } from '../../../../crds/types.generated.js';
import { keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { InstanceActionReconciler } from './instance-action.reconciler.js';

const INSTANCE_ACTION_CACHES = ['instanceActions', 'servers'] as const;

export function watchInstanceActions(src: Pick<Caches, (typeof INSTANCE_ACTION_CACHES)[number]>, enqueue: (key: string) => void): void {
  const self = (a: InstanceAction): void => enqueue(keyOf(a));
  src.instanceActions.on({ onUpsert: self, onDelete: self });
  const ofServer = (s: Server): void => {
    for (const a of src.instanceActions.list(s.metadata.namespace)) if (a.spec.serverId === s.metadata.name && !a.status?.finishTime) enqueue(keyOf(a));
  };
  src.servers.on({ onUpsert: ofServer, onDelete: ofServer });
}

export const instanceActionController = defineController({
  name: 'instance-action',
  primary: 'instanceActions',
  informers: INSTANCE_ACTION_CACHES,
  watch: watchInstanceActions,
  newReconciler: ({ kube, events, caches }) => new InstanceActionReconciler({ kube, events, ...caches }).reconcile,
});
