// A server reconciler over FakeKube with real informers, as the reconciler tests share it.
import type { Server } from '../../../crds/types.generated.js';
import type { KubeObject } from '../../../crds/kube-object.js';
import { Informer } from '../../../crds/client/informer.js';
import { Resources } from '../../../crds/resources.js';
import type { Pod } from '../../../crds/kube-types.js';
import { CACHES, type CacheName } from '../../../operator/src/controllers/caches.js';
import { ServerReconciler, type ServerReconcilerDeps } from '../../../operator/src/controllers/server/server.reconciler.js';
import type { EventRecorder } from '../../../operator/src/runtime/events.js';
import type { ObjectCache } from '../../../operator/src/runtime/objects.js';
import { FakeKube } from '../../support/fake-kube.js';
import { flavor, image, MemoryRecorder, node, NOW, NS, project, projectNs, SERVER_ID, startAll, stopAll, withPodState } from './fixtures.js';

export const KEY = `${NS}/${SERVER_ID}`;
export const noPods: ObjectCache<Pod> = { get: () => undefined, list: () => [] };

const SERVER_CACHES: CacheName[] = ['servers', 'pods', 'flavors', 'images', 'nodes', 'namespaces', 'projects', 'ports', 'networks', 'floatingIPs'];

export interface WorldOptions {
  pods?: ObjectCache<Pod>;
  /** The recorder the reconciler uses; a MemoryRecorder by default. */
  events?: (kube: FakeKube) => EventRecorder;
  /** false: no project owns os-p1 (the namespace and project are not seeded). */
  tenancy?: boolean;
  /** The reconciler's clock; NOW by default. */
  now?: () => Date;
}

/** Project p1 and its namespace os-p1, as the project controller leaves them. */
export function seedTenancy(kube: FakeKube): void {
  kube.seed(Resources.Project, project());
  kube.seed(Resources.Namespace, projectNs());
}

export const seedBasics = (kube: FakeKube): void => {
  kube.seed(Resources.Flavor, flavor());
  kube.seed(Resources.Image, image());
  kube.seed(Resources.Node, node('node-1', 'az1'));
};

export async function world(seed: (kube: FakeKube) => void, opts: WorldOptions = {}) {
  const kube = new FakeKube();
  if (opts.tenancy !== false) seedTenancy(kube);
  seed(kube);
  const inf = Object.fromEntries(SERVER_CACHES.map((n) => [n, new Informer<KubeObject>(kube, CACHES[n].res, CACHES[n].selector)]));
  await startAll(inf);
  const events = new MemoryRecorder();
  const deps = { kube, ...inf, ...(opts.pods ? { pods: opts.pods } : {}), events: opts.events?.(kube) ?? events, now: opts.now ?? (() => NOW) } as unknown as ServerReconcilerDeps;
  const r = new ServerReconciler(deps);
  kube.actions.length = 0;
  const actions = (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`);
  const stored = (): Server | undefined => kube.peek<Server>(Resources.Server, SERVER_ID, NS);
  after(() => stopAll(inf));
  return { kube, r, deps, events, actions, stored };
}

/** Moves the pod to a lifecycle state as kubelet (or kwok) would. */
export async function markPod(kube: FakeKube, state: Parameters<typeof withPodState>[1]): Promise<void> {
  const current = kube.peek<Pod>(Resources.Pod, SERVER_ID, NS) as Pod;
  const next = withPodState(current, state);
  await kube.mergePatch(Resources.Pod, SERVER_ID, NS, { spec: next.spec, status: next.status });
}
