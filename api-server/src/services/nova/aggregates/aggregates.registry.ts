// Where host aggregates live: every aggregate in one ConfigMap (openstack-sim-aggregates, in the API
// server's namespace). Nova's rules span aggregates (unique names, the integer id sequence, a host
// in one availability zone only), so they are checked and written as one read-modify-write of that
// one object under its resourceVersion: two racing requests on any replica cannot both pass a
// check that only one of them may. Aggregates are few and admin-made, so one object stays small.
// The Nodes' labels are a projection of this record (aggregates.placement.ts).
import { AGGREGATE_REGISTRY_NAME, MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import type { ConfigMap } from '../../../../../crds/kube-types.js';
import { createIfAbsent, type KubeClient } from '../../../../../crds/client/client.js';
import { updateWithRetry } from '../../../../../crds/client/update.js';
import { Resources } from '../../../../../crds/resources.js';
import { conflict } from '../../../common/errors.js';

const DATA_KEY = 'aggregates.json';

export interface AggregateRecord {
  id: number;
  uuid: string;
  name: string;
  /** Nova's aggregate metadata; availability_zone among them, as in Nova. */
  metadata: Record<string, string>;
  hosts: string[];
  createdAt: string;
  updatedAt: string | null;
}

export interface Registry {
  /** Nova's ids are a sequence and never reused. */
  nextId: number;
  aggregates: AggregateRecord[];
}

/** Where the registry is: the KubeClient and the API server's own namespace. */
export interface RegistryHome {
  kube: KubeClient;
  namespace: string;
}

export interface RegistryState {
  registry: Registry;
  /** The ConfigMap's resourceVersion: the order in which states were written. */
  version: string;
}

const EMPTY: Registry = { nextId: 1, aggregates: [] };

function parse(cm: ConfigMap | undefined): Registry {
  const raw = cm?.data?.[DATA_KEY];
  return raw ? (JSON.parse(raw) as Registry) : structuredClone(EMPTY);
}

export async function readRegistry(home: RegistryHome): Promise<Registry> {
  return parse(await home.kube.get<ConfigMap>(Resources.ConfigMap, AGGREGATE_REGISTRY_NAME, home.namespace));
}

function emptyConfigMap(namespace: string): ConfigMap {
  return {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: AGGREGATE_REGISTRY_NAME, namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    data: { [DATA_KEY]: JSON.stringify(EMPTY) },
  };
}

const ATTEMPTS = { attempts: 5, baseDelayMs: 20 };

/**
 * Applies change to the live registry and writes it at the resourceVersion read, retrying on a
 * conflict. change checks Nova's rules on what it is given and throws their ApiError; it returns
 * the new registry (it may edit the one given).
 */
export async function changeRegistry(home: RegistryHome, change: (r: Registry) => Registry): Promise<RegistryState> {
  await createIfAbsent(home.kube, Resources.ConfigMap, emptyConfigMap(home.namespace));
  const result = await updateWithRetry<ConfigMap>(home.kube, Resources.ConfigMap, (cm) => ({ ...cm, data: { ...cm.data, [DATA_KEY]: JSON.stringify(change(parse(cm))) } }), {
    name: AGGREGATE_REGISTRY_NAME, namespace: home.namespace, retry: ATTEMPTS,
  });
  if (result.outcome === 'exhausted' || result.outcome === 'gone') throw conflict('The host aggregates were changed by other requests while this one tried to update them; please retry.');
  return { registry: parse(result.object), version: result.object.metadata.resourceVersion ?? '0' };
}
