// A working identity world for unit tests: FakeKube, informer-backed stores for every kind,
// a few users, projects and roles, passwords hashed with cheap scrypt parameters, and a started
// token provider. Shared by the auth and keystone tests (and the lead's persona matrix); every
// response of a route with a response schema is validated against it (validateResponses).
//
// The seeded world (every password is "<user name>-pw", every user in the default domain):
//   roles     admin, member, reader (Keystone's implied chain admin > member > reader) and foo, a
//             role outside the hierarchy that grants nothing beyond a valid token
//   projects  admin, demo (enabled), off (disabled)
//   users     admin  admin + member on admin (default project admin)
//             alice  member on demo and on off (default project demo)
//             bob    disabled; member on demo
//             carol  no roles at all (default project demo, which she cannot scope to)
//             rita   reader only, on demo (default project demo)
//             fred   foo only, on demo (default project demo)
import { QuotaAdmission } from '../../../../api-server/src/quota/quota.admission.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Registry } from 'prom-client';
import { FakeKube } from '../../../support/fake-kube.js';
import { Informer } from '../../../../crds/client/informer.js';
import { Resources, API_VERSION, type ResourceType } from '../../../../crds/resources.js';
import type { KubeObject } from '../../../../crds/kube-object.js';
import type { Project, Role, RoleAssignment, User } from '../../../../crds/types.generated.js';
import { ResourceStore } from '../../../../api-server/src/kube/store.js';
import { storesFor } from '../../../../api-server/src/kube/stores.js';
import type { AppDeps, Stores } from '../../../../api-server/src/deps.js';
import { hashPassword, verifyPasswordHash, type ScryptParams } from '../../../../api-server/src/auth/password.js';
import { setUserPasswordHash } from '../../../../api-server/src/auth/password-store.js';
import { createTokenProvider, type TokenProvider, type TokenProviderOptions } from '../../../../api-server/src/auth/token-provider.js';
import { buildServiceRouter, type RouterDeps } from '../../../../api-server/src/common/router.js';
import { keystoneService } from '../../../../api-server/src/services/keystone/keystone.service.js';
import { ImageDataStore } from '../../../../api-server/src/services/glance/image-data/image-data.store.js';

export const FAST_SCRYPT: ScryptParams = { ln: 4, r: 8, p: 1 };
export const SYSTEM_NS = 'openstack-sim-system';

const hexId = (): string => randomUUID().replace(/-/g, '');

function storeOf<T extends KubeObject>(kube: FakeKube, res: ResourceType, informers: Informer<KubeObject>[]): ResourceStore<T> {
  const informer = new Informer<T>(kube, res);
  informers.push(informer);
  return new ResourceStore<T>(kube, informer);
}

export interface Ids {
  roles: { admin: string; member: string; reader: string; foo: string };
  projects: { admin: string; demo: string; off: string };
  users: { admin: string; alice: string; bob: string; carol: string; rita: string; fred: string };
}

export interface World {
  kube: FakeKube;
  deps: AppDeps;
  stores: Stores;
  ids: Ids;
  tokens: TokenProvider;
  clock: { now: number };
  stop(): void;
}

function cr<T extends KubeObject>(kind: string, name: string, spec: object): T {
  return { apiVersion: API_VERSION, kind, metadata: { name }, spec } as unknown as T;
}

async function seed(kube: FakeKube): Promise<Ids> {
  const ids: Ids = {
    roles: { admin: hexId(), member: hexId(), reader: hexId(), foo: hexId() },
    projects: { admin: hexId(), demo: hexId(), off: hexId() },
    users: { admin: hexId(), alice: hexId(), bob: hexId(), carol: hexId(), rita: hexId(), fred: hexId() },
  };
  for (const [name, id] of Object.entries(ids.roles)) kube.seed(Resources.Role, cr<Role>('Role', id, { name }));
  const projects = { admin: true, demo: true, off: false } as const;
  for (const [name, enabled] of Object.entries(projects)) {
    const id = ids.projects[name as keyof typeof projects];
    kube.seed(Resources.Project, cr<Project>('Project', id, { name, domainId: 'default', enabled, description: `${name} project` }));
  }
  const users = {
    admin: { enabled: true, defaultProjectId: ids.projects.admin },
    alice: { enabled: true, defaultProjectId: ids.projects.demo, email: 'alice@example.org' },
    bob: { enabled: false },
    carol: { enabled: true, defaultProjectId: ids.projects.demo },
    rita: { enabled: true, defaultProjectId: ids.projects.demo },
    fred: { enabled: true, defaultProjectId: ids.projects.demo },
  };
  for (const [name, extra] of Object.entries(users)) {
    const id = ids.users[name as keyof typeof users];
    kube.seed(Resources.User, cr<User>('User', id, { name, domainId: 'default', ...extra }));
    await setUserPasswordHash(kube, SYSTEM_NS, id, await hashPassword(`${name}-pw`, FAST_SCRYPT));
  }
  const grants: [string, string, string][] = [
    [ids.users.admin, ids.projects.admin, ids.roles.admin],
    [ids.users.admin, ids.projects.admin, ids.roles.member],
    [ids.users.alice, ids.projects.demo, ids.roles.member],
    [ids.users.alice, ids.projects.off, ids.roles.member],
    [ids.users.bob, ids.projects.demo, ids.roles.member],
    [ids.users.rita, ids.projects.demo, ids.roles.reader],
    [ids.users.fred, ids.projects.demo, ids.roles.foo],
  ];
  for (const [u, p, r] of grants) {
    kube.seed(Resources.RoleAssignment, cr<RoleAssignment>('RoleAssignment', `${u.slice(0, 8)}-${p.slice(0, 8)}-${r.slice(0, 8)}`, { userId: u, projectId: p, roleId: r }));
  }
  return ids;
}

export async function makeWorld(options: Omit<TokenProviderOptions, 'now'> & { ttlSeconds?: number } = {}): Promise<World> {
  const kube = new FakeKube();
  const informers: Informer<KubeObject>[] = [];
  const stores: Stores = storesFor((res) => storeOf(kube, res, informers));
  const ids = await seed(kube);
  await Promise.all(informers.map((i) => i.start()));
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const imageDir = mkdtempSync(join(tmpdir(), 'osim-images-'));
  const deps: AppDeps = {
    config: { publicUrl: 'https://cloud.example', region: 'RegionOne', systemNamespace: SYSTEM_NS, tokenTtlSeconds: options.ttlSeconds ?? 3600, validateResponses: true },
    kube,
    stores,
    metrics: new Registry(),
    log: silent,
    imageData: new ImageDataStore(imageDir),
    podLogs: kube,
    quotas: new QuotaAdmission(kube, stores.quotaClasses),
  };
  await deps.imageData.start();
  const clock = { now: Date.now() };
  // No periodic revocation sweep unless a test asks: tests sweep by hand with the fake clock.
  const tokens = createTokenProvider(deps, { passwordParams: FAST_SCRYPT, revocationSweepIntervalSeconds: 0, ...options, now: () => clock.now });
  await tokens.start();
  const stop = (): void => {
    tokens.stop();
    for (const i of informers) i.stop();
    void deps.imageData.stop();
    rmSync(imageDir, { recursive: true, force: true });
  };
  return { kube, deps, stores, ids, tokens, clock, stop };
}

export interface HttpWorld extends World {
  url: string;
  close(): Promise<void>;
}

/** The Keystone service mounted at /identity on an ephemeral loopback port. */
export async function serveKeystone(world?: World): Promise<HttpWorld> {
  const w = world ?? (await makeWorld());
  const app = express();
  const routerDeps: RouterDeps = {
    authenticate: (token: string) => w.tokens.authenticator.authenticate(token),
    baseUrl: (req: express.Request) => `http://${req.get('host')}`,
    validateResponses: true,
  };
  app.use('/identity', buildServiceRouter(keystoneService(w.deps, w.tokens), routerDeps));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async (): Promise<void> => {
    w.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections(); // fetch keeps connections alive; do not wait for them
    await closed;
  };
  return { ...w, url, close };
}

export function passwordAuth(user: { id?: string; name?: string }, password: string, scope?: unknown): object {
  const who = user.id ? { id: user.id } : { name: user.name, domain: { name: 'Default' } };
  return { auth: { identity: { methods: ['password'], password: { user: { ...who, password } } }, ...(scope === undefined ? {} : { scope }) } };
}

/** Waits (without asserting on time) until cond holds; fails after `steps` turns of the event loop. */
export async function until(cond: () => boolean, what: string, steps = 2000): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (cond()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * An instrumented scrypt comparison (TokenProviderOptions.verifyHash): counts calls and how many
 * overlap, and while held, parks every call until release() so a test can see who is in flight.
 */
export class InstrumentedHash {
  calls = 0;
  running = 0;
  maxRunning = 0;
  private held: boolean;
  private readonly parked: (() => void)[] = [];

  constructor(options: { held?: boolean } = {}) {
    this.held = options.held ?? false;
  }

  readonly verify = async (password: string, encoded: string): Promise<boolean> => {
    this.calls++;
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      if (this.held) await new Promise<void>((resolve) => this.parked.push(resolve));
      return await verifyPasswordHash(password, encoded);
    } finally {
      this.running--;
    }
  };

  release(): void {
    this.held = false;
    for (const resolve of this.parked.splice(0)) resolve();
  }
}
