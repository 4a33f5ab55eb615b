// One informer-backed store per kind of ours, from the generated resource table: a new CRD gets
// its store (stores.<kinds>) without a hand edit here.
import type { KubeObject } from '../../../crds/kube-object.js';
import type { KubeClient } from '../../../crds/client/client.js';
import { Informer, type InformerLogger } from '../../../crds/client/informer.js';
import { Resources, type ResourceType } from '../../../crds/resources.js';
import { CustomResources } from '../../../crds/resources.generated.js';
import type { Stores } from '../deps.js';
import { ResourceStore } from './store.js';

export interface StoreSet {
  stores: Stores;
  /** Resolves once every cache holds a full list. */
  start(): Promise<void>;
  stop(): void;
}

/** The store name of a kind, as the Stores type derives it: Server → servers, QuotaClass → quotaClasses. */
export function storeKey(kind: string): string {
  return `${kind.charAt(0).toLowerCase()}${kind.slice(1)}${kind.endsWith('s') ? 'es' : 's'}`;
}

/** The built-in kinds the APIs read, besides ours. */
export const BUILT_IN_READ = [Resources.Node] as const;

/** A store for every kind in the resource table and the built-in ones read, each made by make (tests pass their own). */
export function storesFor(make: (res: ResourceType) => ResourceStore<KubeObject>): Stores {
  return Object.fromEntries([...Object.values(CustomResources), ...BUILT_IN_READ].map((res) => [storeKey(res.kind), make(res)])) as unknown as Stores;
}

export function createStores(kube: KubeClient, log: InformerLogger): StoreSet {
  const informers: Informer<KubeObject>[] = [];
  const make = <T extends KubeObject>(res: ResourceType): ResourceStore<T> => {
    const informer = new Informer<T>(kube, res, {}, log);
    informers.push(informer);
    return new ResourceStore<T>(kube, informer);
  };
  const stores = storesFor(make);
  return {
    stores,
    start: async () => {
      await Promise.all(informers.map((i) => i.start()));
    },
    stop: () => informers.forEach((i) => i.stop()),
  };
}
