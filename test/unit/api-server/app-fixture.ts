// The whole API app (every service) over the identity world's FakeKube, on an ephemeral port,
// with helpers to log in as the fixture's users.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Flavor, Image, Quota, Role, RoleAssignment, Server as ServerCr } from '../../../crds/types.generated.js';
import { projectNamespace } from '../../../crds/naming.js';
import { createApp } from '../../../api-server/src/app.js';
import { allServices } from '../../../api-server/src/services/index.js';
import { API_VERSION, Resources, typeMeta } from '../../../crds/resources.js';
import { makeWorld, passwordAuth, type World } from './auth/identity-fixture.js';

export const IMAGE_ID = '6e0a6d9c-2a0c-4c6b-9d1e-0f6a3f1f0a11';
export const PRIVATE_IMAGE_ID = '7f1b7e0d-3b1d-4d7c-8e2f-1a7b4a2a1b22';
export const SHARED_IMAGE_ID = '8a2c8f1e-4c2e-4e8d-9f3a-2b8c5b3b2c33';
/** Public but os_hidden: Glance lists it only for os_hidden=true. */
/** The seeded __DEFAULT__ volume type, on the cluster's default StorageClass. */
export const DEFAULT_VOLUME_TYPE_ID = 'a4c1d2e3-6e4f-4a0b-9b5c-4d0e7d5d4e55';
export const HIDDEN_IMAGE_ID = '9b3d9a2f-5d3f-4f9e-8a4b-3c9d6c4c3d44';
/** Public but disabled: Nova lists it to admins only. */
export const DISABLED_FLAVOR_ID = '3';
/** Private (isPublic false): only an admin may see or boot it. */
export const PRIVATE_FLAVOR_ID = '99';

/** alice is a member of demo; carol only a reader there; admin is the cloud admin. */
export type Persona = 'admin' | 'alice' | 'carol';

export interface AppWorld extends World {
  url: string;
  login(user: Persona, project: 'admin' | 'demo'): Promise<string>;
  close(): Promise<void>;
}

function seedCatalog(w: World): void {
  const flavor = (id: string, name: string, ramMiB: number, diskGiB: number, extra: Partial<Flavor['spec']> = {}): Flavor => ({
    apiVersion: API_VERSION, kind: 'Flavor', metadata: { name: id }, spec: { name, vcpus: 1, ramMiB, diskGiB, isPublic: true, ...extra },
  });
  w.kube.seed(Resources.Flavor, flavor('1', 'm1.tiny', 512, 1, { extraSpecs: { 'hw:cpu_policy': 'shared' } }));
  w.kube.seed(Resources.Flavor, flavor('2', 'm1.small', 2048, 20));
  w.kube.seed(Resources.Flavor, flavor(DISABLED_FLAVOR_ID, 'm1.retired', 1024, 10, { disabled: true }));
  w.kube.seed(Resources.Flavor, flavor(PRIVATE_FLAVOR_ID, 'secret', 64, 0, { isPublic: false }));
  const image = (id: string, name: string, visibility: Image['spec']['visibility'], owner: string, extra: Partial<Image['spec']> = {}): Image => ({
    apiVersion: API_VERSION, kind: 'Image', metadata: { name: id }, spec: { name, visibility, owner, containerImage: 'busybox', ...extra }, status: { status: 'active' },
  });
  w.kube.seed(Resources.Image, image(IMAGE_ID, 'cirros', 'public', w.ids.projects.admin));
  w.kube.seed(Resources.Image, image(PRIVATE_IMAGE_ID, 'admin-only', 'private', w.ids.projects.admin));
  w.kube.seed(Resources.Image, image(SHARED_IMAGE_ID, 'admin-shared', 'shared', w.ids.projects.admin));
  w.kube.seed(Resources.Image, image(HIDDEN_IMAGE_ID, 'hidden', 'public', w.ids.projects.admin, { osHidden: true }));
  w.kube.seed(Resources.VolumeType, { apiVersion: API_VERSION, kind: 'VolumeType', metadata: { name: DEFAULT_VOLUME_TYPE_ID }, spec: { name: '__DEFAULT__', isPublic: true, extraSpecs: {} } });
}

/** A reader role, granted to carol on demo: she may read there but not write. */
function seedReader(w: World): void {
  const roleId = 'f'.repeat(32);
  const role: Role = { apiVersion: API_VERSION, kind: 'Role', metadata: { name: roleId }, spec: { name: 'reader' } };
  w.kube.seed(Resources.Role, role);
  const grant: RoleAssignment = {
    apiVersion: API_VERSION, kind: 'RoleAssignment', metadata: { name: `carol-reader-demo` },
    spec: { userId: w.ids.users.carol, projectId: w.ids.projects.demo, roleId },
  };
  w.kube.seed(Resources.RoleAssignment, grant);
}

/**
 * Generous compute quotas for the fixture's projects: the suites boot far more servers in one
 * shared world than Nova's default 10 instances, and quota tests set their own limits.
 */
export const FIXTURE_COMPUTE_LIMITS = { instances: 10_000, cores: 20_000, ram: 100_000_000, server_groups: 1_000, key_pairs: 1_000 };

function seedComputeQuotas(w: World): void {
  for (const projectId of Object.values(w.ids.projects)) {
    const quota: Quota = { ...typeMeta(Resources.Quota), metadata: { name: 'compute', namespace: projectNamespace(projectId) }, spec: { service: 'compute', limits: { ...FIXTURE_COMPUTE_LIMITS }, claims: {} } };
    w.kube.seed(Resources.Quota, quota);
  }
}

export async function serveApp(): Promise<AppWorld> {
  const w = await makeWorld();
  // Every success body an app-level test sees is checked against its route's response schema:
  // a mismatch is a 500 there.
  w.deps.config.validateResponses = true;
  seedCatalog(w);
  seedReader(w);
  seedComputeQuotas(w);
  const app = createApp(w.deps, w.tokens.authenticator, allServices(w.deps, w.tokens));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  w.deps.config.publicUrl = url;
  const login = async (user: Persona, project: 'admin' | 'demo'): Promise<string> => {
    const res = await fetch(`${url}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(passwordAuth({ name: user }, `${user}-pw`, { project: { id: w.ids.projects[project] } })),
    });
    if (res.status !== 201) throw new Error(`login ${user} failed: ${res.status} ${await res.text()}`);
    return res.headers.get('x-subject-token')!;
  };
  const close = async (): Promise<void> => {
    w.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  return { ...w, url, login, close };
}

export async function call(url: string, token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers; text: string }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { 'X-Auth-Token': token } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, headers: res.headers, text };
}

/**
 * A server of demo's, created through the API as token's caller, whose Pod runs on node-1 with
 * the given log (undefined: none yet) as the kubelet would serve it, once the API shows it ACTIVE.
 */
export async function serverWithPodLog(w: AppWorld, token: string, name: string, log: string | undefined): Promise<string> {
  const ns = projectNamespace(w.ids.projects.demo);
  const id = (await call(w.url, token, 'POST', '/compute/v2.1/servers', { server: { name, flavorRef: '1', imageRef: IMAGE_ID } })).json.server.id as string;
  w.kube.seed(Resources.Pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name: id, namespace: ns }, spec: { containers: [{ name: 'server', image: 'busybox' }], nodeName: 'node-1' } });
  if (log !== undefined) w.kube.podLogs.set(`${ns}/${id}`, log);
  const stored = w.kube.peek<ServerCr>(Resources.Server, id, ns)!;
  await w.kube.replaceStatus(Resources.Server, { ...stored, status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', host: 'node-1', podName: id } });
  for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
    if ((await call(w.url, token, 'GET', `/compute/v2.1/servers/${id}`)).json.server.status === 'ACTIVE') return id;
  }
  throw new Error('the API never showed the server ACTIVE');
}
