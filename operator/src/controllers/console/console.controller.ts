// Watches for the console controller, keyed by Server (a server's Pod has the server's name):
// a Server event enqueues it, and so does an event of the Pod it controls. Registered only when
// the operator is given a console directory (--kwok-console-dir).
import type { Pod } from '../../../../crds/kube-types.js';
import type { Server } from '../../../../crds/types.generated.js';
import type { Logger } from '../../../../crds/client/logger.js';
import { keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController, type RegisteredController } from '../registry.js';
import { serverKeyForPod } from '../server/server.controller.js';
import { ConsoleReconciler } from './console.reconciler.js';

const CONSOLE_CACHES = ['servers', 'pods', 'flavors', 'images'] as const;

export function watchConsoles(src: Pick<Caches, (typeof CONSOLE_CACHES)[number]>, enqueue: (key: string) => void): void {
  const self = (s: Server): void => enqueue(keyOf(s));
  src.servers.on({ onUpsert: self, onDelete: self });
  const owner = (p: Pod): void => {
    const key = serverKeyForPod(p);
    if (key) enqueue(key);
  };
  src.pods.on({ onUpsert: owner });
}

export function consoleController(dir: string, log?: Logger): RegisteredController {
  return defineController({
    name: 'console',
    primary: 'servers',
    informers: CONSOLE_CACHES,
    watch: watchConsoles,
    newReconciler: ({ kube, caches }) => new ConsoleReconciler({ kube, dir, log, ...caches }).reconcile,
  });
}
