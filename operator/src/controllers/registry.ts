// What a controller declares to be run by the operator: its name, the caches it reads, how events
// in them map to its keys, and how to build its reconcile function. The operator does the rest
// (informers, queues, workers, metrics, leadership terms) the same way for every entry.
import type { KubeClient } from '../../../crds/client/client.js';
import type { ReconcileFn } from '../runtime/controller.js';
import type { EventRecorder } from '../runtime/events.js';
import type { CacheName, Caches } from './caches.js';

export interface ReconcilerContext<N extends CacheName> {
  kube: KubeClient;
  events: EventRecorder;
  caches: Pick<Caches, N>;
}

export interface ControllerDefinition<N extends CacheName> {
  name: string;
  /** The cache of the kind it reconciles: every object in it is queued when a term starts. */
  primary: N;
  /** Every cache it reads, the primary included. */
  informers: readonly N[];
  /** Registers the handlers that turn cache events into its keys. */
  watch(caches: Pick<Caches, N>, enqueue: (key: string) => void): void;
  newReconciler(ctx: ReconcilerContext<N>): ReconcileFn;
}

/** A definition with its cache names erased, so that entries of different shapes share a list. */
export interface RegisteredController {
  readonly name: string;
  readonly primary: CacheName;
  readonly informers: readonly CacheName[];
  watch(caches: Partial<Caches>, enqueue: (key: string) => void): void;
  newReconciler(ctx: { kube: KubeClient; events: EventRecorder; caches: Partial<Caches> }): ReconcileFn;
}

/** The caches a controller asked for, out of those the operator started; a missing one is a wiring bug. */
function pickCaches<N extends CacheName>(all: Partial<Caches>, names: readonly N[]): Pick<Caches, N> {
  const out: Partial<Caches> = {};
  for (const n of names) {
    if (!all[n]) throw new Error(`cache ${n} was not started`);
    Object.assign(out, { [n]: all[n] });
  }
  return out as Pick<Caches, N>;
}

export function defineController<N extends CacheName>(def: ControllerDefinition<N>): RegisteredController {
  const names = def.informers.includes(def.primary) ? def.informers : [...def.informers, def.primary];
  return {
    name: def.name,
    primary: def.primary,
    informers: names,
    watch: (all, enqueue) => def.watch(pickCaches(all, names), enqueue),
    newReconciler: ({ kube, events, caches }) => def.newReconciler({ kube, events, caches: pickCaches(caches, names) }),
  };
}
