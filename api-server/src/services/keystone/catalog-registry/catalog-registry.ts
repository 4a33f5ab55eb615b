// Where Keystone's added catalog entries live: every service, endpoint, region and endpoint group
// an admin made, and every policy record, in one ConfigMap (openstack-sim-catalog, in the API
// server's namespace). Keystone's rules span these records (an endpoint's service and region must
// exist, a region with endpoints cannot go, a service's endpoints go with it, no circular region
// hierarchy), so each write is one read-modify-write of that one object under its resourceVersion:
// two racing requests on any replica cannot both pass a check only one of them may. The deployment's
// own services (catalog.ts) are not stored: they follow the API server's configuration.
import { randomUUID } from 'node:crypto';
import { CATALOG_REGISTRY_NAME, MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import type { ConfigMap } from '../../../../../crds/kube-types.js';
import { createIfAbsent, type KubeClient } from '../../../../../crds/client/client.js';
import { updateWithRetry } from '../../../../../crds/client/update.js';
import { Resources } from '../../../../../crds/resources.js';
import { ApiError, conflict } from '../../../common/errors.js';

const DATA_KEY = 'catalog.json';

export const INTERFACES = ['public', 'internal', 'admin'] as const;
export type EndpointInterface = (typeof INTERFACES)[number];

export interface ServiceRecord {
  id: string;
  type: string;
  name: string;
  description: string | null;
  enabled: boolean;
}

export interface EndpointRecord {
  id: string;
  serviceId: string;
  interface: EndpointInterface;
  regionId: string | null;
  /** Keystone's URL template: $(project_id)s stands for the token's project. */
  url: string;
  enabled: boolean;
}

export interface RegionRecord {
  id: string;
  description: string;
  parentRegionId: string | null;
}

export interface EndpointGroupRecord {
  id: string;
  name: string;
  description: string | null;
  /** Keystone's filters: interface, service_id and region_id. */
  filters: Record<string, string>;
}

/** Keystone's policy records: stored and returned, never enforced (docs/tokens.md). */
export interface PolicyRecord {
  id: string;
  type: string;
  blob: string;
}

export interface CatalogRegistry {
  services: ServiceRecord[];
  endpoints: EndpointRecord[];
  regions: RegionRecord[];
  endpointGroups: EndpointGroupRecord[];
  policies: PolicyRecord[];
}

/** Where the registry is: the KubeClient and the API server's own namespace. */
export interface RegistryHome {
  kube: KubeClient;
  namespace: string;
}

function emptyRegistry(): CatalogRegistry {
  return { services: [], endpoints: [], regions: [], endpointGroups: [], policies: [] };
}

function parse(cm: ConfigMap | undefined): CatalogRegistry {
  const raw = cm?.data?.[DATA_KEY];
  return { ...emptyRegistry(), ...(raw ? (JSON.parse(raw) as Partial<CatalogRegistry>) : {}) };
}

/** Keystone's ids: 32 hex digits. */
export function newCatalogId(): string {
  return randomUUID().replace(/-/g, '');
}

export async function readCatalogRegistry(home: RegistryHome): Promise<CatalogRegistry> {
  return parse(await home.kube.get<ConfigMap>(Resources.ConfigMap, CATALOG_REGISTRY_NAME, home.namespace));
}

function emptyConfigMap(namespace: string): ConfigMap {
  return {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: CATALOG_REGISTRY_NAME, namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    data: { [DATA_KEY]: JSON.stringify(emptyRegistry()) },
  };
}

const ATTEMPTS = { attempts: 5, baseDelayMs: 20 };
// A ConfigMap holds at most 1 MiB; refuse a write that would come near it rather than fail in etcd.
const MAX_BYTES = 900_000;

function serialize(registry: CatalogRegistry): string {
  const text = JSON.stringify(registry);
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ApiError(413, 'The catalog and policy records of this deployment are limited to 900 kB in all; this request would exceed that.');
  return text;
}

/**
 * Applies change to the live registry and writes it at the resourceVersion read, retrying on a
 * conflict. change checks Keystone's rules and throws their ApiError; it may edit the registry it
 * is given. Returns the registry as written.
 */
export async function changeCatalogRegistry(home: RegistryHome, change: (r: CatalogRegistry) => void): Promise<CatalogRegistry> {
  const write = (): ReturnType<typeof updateWithRetry<ConfigMap>> => updateWithRetry<ConfigMap>(home.kube, Resources.ConfigMap, (cm) => {
    const registry = parse(cm);
    change(registry);
    return { ...cm, data: { ...cm.data, [DATA_KEY]: serialize(registry) } };
  }, { name: CATALOG_REGISTRY_NAME, namespace: home.namespace, retry: ATTEMPTS });
  let result = await write();
  if (result.outcome === 'gone') {
    // The first write ever (or the ConfigMap was deleted): make it, then write as usual.
    await createIfAbsent(home.kube, Resources.ConfigMap, emptyConfigMap(home.namespace));
    result = await write();
  }
  if (result.outcome === 'exhausted' || result.outcome === 'gone') throw conflict('The service catalog was changed by other requests while this one tried to update it; please retry.');
  return parse(result.object);
}
