// Where each kind lives in the Kubernetes API. Everything else addresses objects through these.
import type { ResourceType } from './resource-type.js';
import { CustomResources } from './resources.generated.js';
export type { ResourceType } from './resource-type.js';

/** The openstack.sim group and version, as in every CRD (the resource table is generated from them). */
export const GROUP = CustomResources.Server.group;
export const VERSION = CustomResources.Server.version;
export const API_VERSION = `${GROUP}/${VERSION}`;

/** The built-in kinds our components read and write. */
export const BuiltinResources = {
  Pod: { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  Namespace: { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  Secret: { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  ConfigMap: { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true },
  Node: { group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false },
  Event: { group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', namespaced: true },
  Lease: { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases', namespaced: true },
  NetworkPolicy: { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', namespaced: true },
  ResourceQuota: { group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', namespaced: true },
  Service: { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  PersistentVolumeClaim: { group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', namespaced: true },
  PersistentVolume: { group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', namespaced: false },
  CSIDriver: { group: 'storage.k8s.io', version: 'v1', kind: 'CSIDriver', plural: 'csidrivers', namespaced: false },
  VolumeSnapshot: { group: 'snapshot.storage.k8s.io', version: 'v1', kind: 'VolumeSnapshot', plural: 'volumesnapshots', namespaced: true },
  VolumeSnapshotClass: { group: 'snapshot.storage.k8s.io', version: 'v1', kind: 'VolumeSnapshotClass', plural: 'volumesnapshotclasses', namespaced: false },
  StorageClass: { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', namespaced: false },
  // KWOK's simulated container logs (a Pod's log read from a local file): only on a KWOK cluster
  // whose kwok-controller enables the Logs CRD, as hack/kwok/kwokctl.yaml does.
  KwokLogs: { group: 'kwok.x-k8s.io', version: 'v1alpha1', kind: 'Logs', plural: 'logs', namespaced: true },
} as const satisfies Record<string, ResourceType>;

/** Every kind, ours (generated from crds/*.yaml) and built-in, by kind name. */
export const Resources = { ...CustomResources, ...BuiltinResources };

export function apiVersionOf(res: ResourceType): string {
  return res.group ? `${res.group}/${res.version}` : res.version;
}

/** The REST path of a collection or, with a name, of one object (and optionally a subresource). */
export function resourcePath(res: ResourceType, namespace?: string, name?: string, sub?: string): string {
  const base = res.group ? `/apis/${res.group}/${res.version}` : `/api/${res.version}`;
  const ns = res.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const one = name ? `/${encodeURIComponent(name)}` : '';
  return `${base}${ns}/${res.plural}${one}${name && sub ? `/${sub}` : ''}`;
}

/** The cache key of an object: namespace/name, or name for cluster-scoped objects. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** The apiVersion and kind an object of this kind carries, from the resource table. */
export function typeMeta(res: ResourceType): { apiVersion: string; kind: string } {
  return { apiVersion: apiVersionOf(res), kind: res.kind };
}
