// Builders and helpers shared by the operator's unit tests.
import type { KubeObject } from '../../../crds/kube-object.js';
import type { Flavor, Image, Project, Server } from '../../../crds/types.generated.js';
import { FINALIZER, ZONE_LABEL } from '../../../crds/naming.js';
import { API_VERSION, type ResourceType } from '../../../crds/resources.js';
import type { EventRecorder, EventSpec } from '../../../operator/src/runtime/events.js';
import type { ObjectCache } from '../../../operator/src/runtime/objects.js';
import { desiredNamespace } from '../../../operator/src/controllers/project/project.resources.js';
import { desiredPodMetadata } from '../../../operator/src/controllers/server/server.resources.js';
import type { Namespace, Node, Pod } from '../../../crds/kube-types.js';

export const NS = 'os-p1';
export const SERVER_ID = '6f0c7a4e-3b1d-4c57-9a8e-1d2f3c4b5a69';
export const NOW = new Date('2024-05-01T10:00:00Z');
export const LATER = new Date('2024-05-01T10:05:00Z');

export function server(over: Partial<Server['spec']> = {}, meta: Partial<Server['metadata']> = {}): Server {
  return {
    apiVersion: API_VERSION,
    kind: 'Server',
    metadata: { name: SERVER_ID, namespace: NS, uid: 'uid-server', generation: 1, resourceVersion: '5', ...meta },
    spec: { name: 'vm1', projectId: 'p1', userId: 'u1', flavorRef: 'f1', imageRef: 'img1', ...over },
  };
}

export function flavor(name = 'f1', vcpus = 2, ramMiB = 512): Flavor {
  return { metadata: { name }, spec: { name: `m1.${name}`, vcpus, ramMiB, diskGiB: 1 } };
}

export function image(name = 'img1', containerImage?: string): Image {
  return { metadata: { name }, spec: { name: 'cirros', visibility: 'public', owner: 'p1', ...(containerImage ? { containerImage } : {}) } };
}

export function node(name = 'node-1', zone?: string): Node {
  return { metadata: { name, labels: zone ? { [ZONE_LABEL]: zone } : {} } };
}

export function project(name = 'p1'): Project {
  return { metadata: { name, uid: `uid-${name}`, generation: 1 }, spec: { name: 'demo', domainId: 'default' } };
}

/** A Pod as the apiserver would hold it for s, in a given lifecycle state. */
export function pod(s: Server, state: 'pending' | 'scheduled' | 'running' | 'unschedulable' | 'failed' = 'pending', nodeName = 'node-1'): Pod {
  const p: Pod = {
    // Everything the operator sets on its pods, so that a reconcile over it sees no drift.
    metadata: { ...desiredPodMetadata(s), uid: 'uid-pod' },
    spec: { containers: [{ name: 'server', image: 'busybox' }] },
    status: { phase: 'Pending' },
  };
  return withPodState(p, state, nodeName);
}

export function withPodState(p: Pod, state: 'pending' | 'scheduled' | 'running' | 'unschedulable' | 'failed', nodeName = 'node-1'): Pod {
  const out = structuredClone(p);
  const unschedulable = { type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' };
  const states: Record<typeof state, () => void> = {
    pending: () => (out.status = { phase: 'Pending' }),
    unschedulable: () => (out.status = { phase: 'Pending', conditions: [unschedulable] }),
    scheduled: () => {
      out.spec.nodeName = nodeName;
      out.status = { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] };
    },
    running: () => {
      out.spec.nodeName = nodeName;
      out.status = { phase: 'Running', podIP: '10.0.1.7', conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }] };
    },
    failed: () => {
      out.spec.nodeName = nodeName;
      out.status = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
    },
  };
  states[state]();
  return out;
}

/** The namespace os-p1 as the project controller makes it: controlled by project p1. */
export function projectNs(p: Project = project()): Namespace {
  return { ...desiredNamespace(p), status: { phase: 'Active' } };
}

const fixedCache = <T extends KubeObject>(objs: T[]): ObjectCache<T> => ({
  get: (name, namespace) => objs.find((o) => o.metadata.name === name && o.metadata.namespace === namespace),
  list: (namespace) => objs.filter((o) => namespace === undefined || o.metadata.namespace === namespace),
});

/** Caches in which os-p1 belongs to project p1 (for reconcilers built without informers). */
export function tenancy(): { namespaces: ObjectCache<Namespace>; projects: ObjectCache<Project> } {
  return { namespaces: fixedCache([projectNs()]), projects: fixedCache([project()]) };
}

export function withFinalizer<T extends KubeObject>(obj: T): T {
  return { ...obj, metadata: { ...obj.metadata, finalizers: [FINALIZER] } };
}

export interface RecordedEvent extends EventSpec {
  kind: string;
  name: string;
}

/** An EventRecorder that keeps what it was given. */
export class MemoryRecorder implements EventRecorder {
  readonly events: RecordedEvent[] = [];

  record(res: ResourceType, regarding: KubeObject, event: EventSpec): void {
    this.events.push({ ...event, kind: res.kind, name: regarding.metadata.name });
  }

  get reasons(): string[] {
    return this.events.map((e) => e.reason);
  }
}

/** Polls until cond() holds (or throws after timeoutMs). */
export async function waitFor(cond: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Starts informers and waits until each has filled its cache. */
export async function startAll(informers: Record<string, { start(): Promise<void> }>): Promise<void> {
  await Promise.all(Object.values(informers).map((i) => i.start()));
}

export function stopAll(informers: Record<string, { stop(): void }>): void {
  for (const i of Object.values(informers)) i.stop();
}
