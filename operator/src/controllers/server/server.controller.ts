// Watches for the server controller. Handlers only turn events into Server keys:
// - a Server event enqueues that Server;
// - a Pod event enqueues the Server named by the Pod's controller ownerReference;
// - a Flavor or Image event enqueues the Servers referencing it that are not running yet (so a
//   server waiting in ERROR for a missing flavor is built once the flavor appears);
// - a Node whose zone label changed enqueues the Servers on it (their availability zone).
import type { Flavor, Image, Server } from '../../../../crds/types.generated.js';
import { ZONE_LABEL } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import { Controller, type ControllerSetup } from '../../runtime/controller.js';
import type { Node, Pod } from '../../../../crds/kube-types.js';
import { controllerKey, keyOf, type Watchable } from '../../runtime/objects.js';
import { WorkQueue } from '../../runtime/work-queue.js';
import { ServerReconciler, type ServerReconcilerDeps } from './server.reconciler.js';

export const SERVER_CONTROLLER = 'server';

export interface ServerWatchSources {
  servers: Watchable<Server>;
  pods: Watchable<Pod>;
  flavors: Watchable<Flavor>;
  images: Watchable<Image>;
  nodes: Watchable<Node>;
}

/** The Server that controls pod, if any. */
export function serverKeyForPod(pod: Pod): string | undefined {
  return controllerKey(pod, Resources.Server);
}

function waiting(server: Server): boolean {
  const s = server.status?.status;
  return !server.metadata.deletionTimestamp && (s === undefined || s === 'BUILD' || s === 'ERROR');
}

/** Keys of the not-yet-running Servers whose flavorRef or imageRef names ref. */
export function serversWaitingFor(servers: Server[], ref: { flavor?: string; image?: string }): string[] {
  return servers
    .filter((s) => waiting(s) && ((ref.flavor && s.spec.flavorRef === ref.flavor) || (ref.image && s.spec.imageRef === ref.image)))
    .map(keyOf);
}

export function serversOnNode(servers: Server[], nodeName: string): string[] {
  return servers.filter((s) => s.status?.host === nodeName).map(keyOf);
}

/** Registers the handlers; enqueue receives Server keys ("namespace/name"). */
export function watchServers(src: ServerWatchSources, enqueue: (key: string) => void): void {
  const self = (s: Server): void => enqueue(keyOf(s));
  src.servers.on({ onUpsert: self, onDelete: self });
  const owner = (p: Pod): void => {
    const key = serverKeyForPod(p);
    if (key) enqueue(key);
  };
  src.pods.on({ onUpsert: owner, onDelete: owner });
  const byFlavor = (f: Flavor): void => serversWaitingFor(src.servers.list(), { flavor: f.metadata.name }).forEach(enqueue);
  src.flavors.on({ onUpsert: byFlavor });
  const byImage = (i: Image): void => serversWaitingFor(src.servers.list(), { image: i.metadata.name }).forEach(enqueue);
  src.images.on({ onUpsert: byImage });
  src.nodes.on({
    onUpsert: (n, old) => {
      if (old && old.metadata.labels?.[ZONE_LABEL] === n.metadata.labels?.[ZONE_LABEL]) return;
      serversOnNode(src.servers.list(), n.metadata.name).forEach(enqueue);
    },
  });
}

export function newServerController(deps: ServerReconcilerDeps, setup: ControllerSetup = {}): Controller {
  const reconciler = new ServerReconciler(deps);
  return new Controller({
    name: SERVER_CONTROLLER,
    reconcile: reconciler.reconcile,
    workers: setup.workers,
    log: setup.log,
    metrics: setup.metrics?.forController(SERVER_CONTROLLER),
    queue: new WorkQueue({ metrics: setup.metrics?.forQueue(SERVER_CONTROLLER) }),
  });
}
