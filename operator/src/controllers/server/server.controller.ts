// Watches for the server controller. Handlers only turn events into Server keys:
// - a Server event enqueues that Server;
// - a Pod event enqueues the Server named by the Pod's controller ownerReference;
// - a Flavor or Image event enqueues the Servers referencing it that are not running yet (so a
//   server waiting in ERROR for a missing flavor is built once the flavor appears);
// - a Node whose zone label changed enqueues the Servers on it (their availability zone);
// - a Namespace or Project event enqueues the not-yet-running Servers in that project's namespace
//   (a server refused for a namespace no project owned is built once one does).
import type { FloatingIP, Port, Project, Server } from '../../../../crds/types.generated.js';
import { projectNamespace, ZONE_LABEL } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { Namespace, Pod } from '../../../../crds/kube-types.js';
import { controllerKey, keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { ServerReconciler } from './server.reconciler.js';

export const SERVER_CONTROLLER = 'server';

const SERVER_CACHES = ['servers', 'pods', 'flavors', 'images', 'nodes', 'namespaces', 'projects', 'ports', 'networks', 'floatingIPs'] as const;
export type ServerWatchSources = Pick<Caches, (typeof SERVER_CACHES)[number]>;

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

/** Keys of the not-yet-running Servers in namespace. */
export function serversWaitingIn(servers: Server[], namespace: string): string[] {
  return servers.filter((s) => waiting(s) && s.metadata.namespace === namespace).map(keyOf);
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
  src.flavors.on({ onUpsert: (f) => serversWaitingFor(src.servers.list(), { flavor: f.metadata.name }).forEach(enqueue) });
  src.images.on({ onUpsert: (i) => serversWaitingFor(src.servers.list(), { image: i.metadata.name }).forEach(enqueue) });
  src.nodes.on({
    onUpsert: (n, old) => {
      if (old && old.metadata.labels?.[ZONE_LABEL] === n.metadata.labels?.[ZONE_LABEL]) return;
      serversOnNode(src.servers.list(), n.metadata.name).forEach(enqueue);
    },
  });
  const inNamespace = (name: string): void => serversWaitingIn(src.servers.list(name), name).forEach(enqueue);
  src.namespaces.on({ onUpsert: (ns: Namespace) => inNamespace(ns.metadata.name) });
  src.projects.on({ onUpsert: (p: Project) => inNamespace(projectNamespace(p.metadata.name)) });
  // A port of a server (its device) changing its addresses or groups changes the server's status and Pod labels.
  const device = (p: Port): void => {
    if (p.spec.deviceId && p.spec.deviceOwner?.startsWith('compute:')) enqueue(`${p.metadata.namespace}/${p.spec.deviceId}`);
  };
  src.ports.on({ onUpsert: device, onDelete: device });
  // A floating IP (dis)associated with a port changes the addresses of that port's server, before and after.
  const portOf = (f: FloatingIP | undefined): void => {
    const port = f?.spec.portId ? src.ports.get(f.spec.portId, f.metadata.namespace) : undefined;
    if (port) device(port);
  };
  src.floatingIPs.on({ onUpsert: (f, old) => [f, old].forEach(portOf), onDelete: portOf });
}

export const serverController = defineController({
  name: SERVER_CONTROLLER,
  primary: 'servers',
  informers: SERVER_CACHES,
  watch: watchServers,
  newReconciler: ({ kube, events, caches }) => new ServerReconciler({ kube, events, ...caches }).reconcile,
});
