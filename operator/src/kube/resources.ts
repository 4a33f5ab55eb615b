// Where each kind lives in the Kubernetes API. Everything else addresses objects through these.
export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export const GROUP = 'openstack.sim';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}`;

function ours(kind: string, plural: string, namespaced: boolean): ResourceType {
  return { group: GROUP, version: VERSION, kind, plural, namespaced };
}

export const Resources = {
  Server: ours('Server', 'servers', true),
  Flavor: ours('Flavor', 'flavors', false),
  Image: ours('Image', 'images', false),
  Project: ours('Project', 'projects', false),
  User: ours('User', 'users', false),
  Role: ours('Role', 'roles', false),
  RoleAssignment: ours('RoleAssignment', 'roleassignments', false),
  TokenRevocation: ours('TokenRevocation', 'tokenrevocations', false),
  Pod: { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  Namespace: { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  Secret: { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  Node: { group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false },
  Event: { group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', namespaced: true },
  Lease: { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases', namespaced: true },
} satisfies Record<string, ResourceType>;

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
