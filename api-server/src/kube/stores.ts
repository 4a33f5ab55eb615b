// One informer-backed store per kind the API server reads.
import type { KubeObject } from '../../../crds/kube-object.js';
import type { KubeClient } from '../../../crds/client/client.js';
import { Informer, type InformerLogger } from '../../../crds/client/informer.js';
import { Resources, type ResourceType } from '../../../crds/resources.js';
import type { Stores } from '../deps.js';
import { ResourceStore } from './store.js';

export interface StoreSet {
  stores: Stores;
  /** Resolves once every cache holds a full list. */
  start(): Promise<void>;
  stop(): void;
}

export function createStores(kube: KubeClient, log: InformerLogger): StoreSet {
  const informers: Informer<KubeObject>[] = [];
  const make = <T extends KubeObject>(res: ResourceType): ResourceStore<T> => {
    const informer = new Informer<T>(kube, res, {}, log);
    informers.push(informer);
    return new ResourceStore<T>(kube, informer);
  };
  const stores: Stores = {
    servers: make(Resources.Server),
    flavors: make(Resources.Flavor),
    images: make(Resources.Image),
    projects: make(Resources.Project),
    users: make(Resources.User),
    roles: make(Resources.Role),
    roleAssignments: make(Resources.RoleAssignment),
    tokenRevocations: make(Resources.TokenRevocation),
  };
  return {
    stores,
    start: async () => {
      await Promise.all(informers.map((i) => i.start()));
    },
    stop: () => informers.forEach((i) => i.stop()),
  };
}
