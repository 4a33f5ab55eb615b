import assert from 'node:assert/strict';
import { passwordAuth, serveKeystone, type HttpWorld } from '../auth/identity-fixture.js';

interface TokenBody {
  token: {
    methods: string[];
    user: { id: string; name: string; domain: { id: string; name: string }; password_expires_at: null };
    project?: { id: string; name: string; domain: { id: string; name: string } };
    roles?: { id: string; name: string }[];
    catalog?: { type: string; id: string; endpoints: { interface: string; region: string; region_id: string; url: string; id: string }[] }[];
    audit_ids: string[];
    expires_at: string;
    issued_at: string;
    is_domain: boolean;
  };
}

const AUTH_MESSAGE = 'The request you have made requires authentication.';
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe('Keystone /v3/auth/tokens', () => {
  let w: HttpWorld;
  before(async () => {
    w = await serveKeystone();
  });
  after(() => w.close());

  const issue = (body: unknown, query = ''): Promise<Response> =>
    fetch(`${w.url}/identity/v3/auth/tokens${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  async function tokenFor(name: string, scope?: unknown): Promise<string> {
    const res = await issue(passwordAuth({ name }, `${name}-pw`, scope));
    assert.equal(res.status, 201, await res.clone().text());
    return res.headers.get('X-Subject-Token') as string;
  }

  const adminScope = (): object => ({ project: { name: 'admin', domain: { name: 'Default' } } });

  it('When OSC authenticates with password and project scope by name then 201 returns a full token body', async () => {
    const res = await issue(passwordAuth({ name: 'admin' }, 'admin-pw', adminScope()));
    assert.equal(res.status, 201);
    const subject = res.headers.get('X-Subject-Token');
    assert.ok(subject && subject.length < 300);
    const { token } = (await res.json()) as TokenBody;
    assert.deepEqual(token.methods, ['password']);
    assert.deepEqual(token.user, { id: w.ids.users.admin, name: 'admin', domain: { id: 'default', name: 'Default' }, password_expires_at: null });
    assert.deepEqual(token.project, { id: w.ids.projects.admin, name: 'admin', domain: { id: 'default', name: 'Default' } });
    assert.deepEqual(token.roles?.map((r) => r.name).sort(), ['admin', 'member']);
    assert.equal(token.is_domain, false);
    assert.match(token.expires_at, TIMESTAMP);
    assert.match(token.issued_at, TIMESTAMP);
    assert.equal(token.audit_ids.length, 1);
  });

  it('When a token is issued then the catalog has identity, compute, image, network and block storage with three interfaces each', async () => {
    const res = await issue(passwordAuth({ id: w.ids.users.admin }, 'admin-pw', { project: { id: w.ids.projects.admin } }));
    const { token } = (await res.json()) as TokenBody;
    const byType = Object.fromEntries((token.catalog ?? []).map((s) => [s.type, s]));
    assert.deepEqual(Object.keys(byType).sort(), ['block-storage', 'compute', 'identity', 'image', 'network', 'volumev3']);
    assert.equal(byType.compute.endpoints[0].url, 'https://cloud.example/compute/v2.1');
    assert.equal(byType.identity.endpoints[0].url, 'https://cloud.example/identity');
    assert.equal(byType.image.endpoints[0].url, 'https://cloud.example/image');
    assert.equal(byType.network.endpoints[0].url, 'https://cloud.example/network');
    // Cinder's endpoints carry the token's project, as DevStack's do.
    assert.equal(byType['block-storage'].endpoints[0].url, `https://cloud.example/volume/v3/${w.ids.projects.admin}`);
    assert.equal(byType.volumev3.endpoints[0].url, byType['block-storage'].endpoints[0].url);
    for (const svc of token.catalog ?? []) {
      assert.deepEqual(svc.endpoints.map((e) => e.interface), ['public', 'internal', 'admin']);
      assert.ok(svc.endpoints.every((e) => e.region === 'RegionOne' && e.region_id === 'RegionOne'));
      assert.equal(new Set(svc.endpoints.map((e) => e.id)).size, 3);
    }
  });

  it('When ?nocatalog is given then the token has no catalog', async () => {
    const res = await issue(passwordAuth({ name: 'admin' }, 'admin-pw', adminScope()), '?nocatalog');
    const { token } = (await res.json()) as TokenBody;
    assert.equal(token.catalog, undefined);
    assert.ok(token.project);
  });

  const scopes = [
    { name: 'no scope key and a default project with a role', user: 'alice', scope: undefined, project: 'demo' },
    { name: 'no scope key and a default project without a role', user: 'carol', scope: undefined, project: undefined },
    { name: 'scope "unscoped"', user: 'alice', scope: 'unscoped', project: undefined },
    { name: 'project scope by id', user: 'admin', scope: 'adminById', project: 'admin' },
    { name: 'only the reader role on the default project', user: 'rita', scope: undefined, project: 'demo' },
    { name: 'only a role outside the hierarchy on the default project', user: 'fred', scope: undefined, project: 'demo' },
  ];
  for (const c of scopes) {
    it(`When authenticating with ${c.name} then the token is ${c.project ? `scoped to ${c.project}` : 'unscoped'}`, async () => {
      const scope = c.scope === 'adminById' ? { project: { id: w.ids.projects.admin } } : c.scope;
      const res = await issue(passwordAuth({ name: c.user }, `${c.user}-pw`, scope));
      assert.equal(res.status, 201);
      const { token } = (await res.json()) as TokenBody;
      assert.equal(token.project?.name, c.project);
      if (!c.project) assert.equal(token.catalog, undefined);
    });
  }

  const rejected = [
    { name: 'a wrong password', body: () => passwordAuth({ name: 'admin' }, 'nope') },
    { name: 'an unknown user name', body: () => passwordAuth({ name: 'mallory' }, 'x') },
    { name: 'an unknown user id', body: () => passwordAuth({ id: 'ffffffffffffffffffffffffffffffff' }, 'x') },
    { name: 'a disabled user', body: () => passwordAuth({ name: 'bob' }, 'bob-pw') },
    { name: 'an unknown domain', body: () => ({ auth: { identity: { methods: ['password'], password: { user: { name: 'admin', domain: { id: 'elsewhere' }, password: 'admin-pw' } } } } }) },
    { name: 'an unknown project', body: () => passwordAuth({ name: 'admin' }, 'admin-pw', { project: { id: 'ffffffffffffffffffffffffffffffff' } }) },
    { name: 'a project without a role', body: () => passwordAuth({ name: 'carol' }, 'carol-pw', { project: { name: 'demo', domain: { id: 'default' } } }) },
    { name: 'a disabled project', body: () => passwordAuth({ name: 'alice' }, 'alice-pw', { project: { name: 'off', domain: { id: 'default' } } }) },
    { name: 'domain scope without a role on the domain', body: () => passwordAuth({ name: 'admin' }, 'admin-pw', { domain: { id: 'default' } }) },
    { name: 'system scope without a system role', body: () => passwordAuth({ name: 'admin' }, 'admin-pw', { system: { all: true } }) },
    { name: 'an unsupported method', body: () => ({ auth: { identity: { methods: ['totp'], totp: {} } } }) },
    { name: 'an invalid token to re-scope', body: () => ({ auth: { identity: { methods: ['token'], token: { id: 'gAAAAAbogus' } } } }) },
  ];
  for (const c of rejected) {
    it(`When authenticating with ${c.name} then 401 in Keystone format`, async () => {
      const res = await issue(c.body());
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('X-Subject-Token'), null);
      const body = (await res.json()) as { error: { code: number; title: string; message: string } };
      assert.equal(body.error.code, 401);
      assert.equal(body.error.title, 'Unauthorized');
      if (!/scope|method/.test(c.name)) assert.equal(body.error.message, AUTH_MESSAGE);
    });
  }

  const malformed = [
    { name: 'invalid JSON', body: '{"auth":' },
    { name: 'no auth key', body: { identity: {} } },
    { name: 'no identity', body: { auth: {} } },
    { name: 'methods not a list', body: { auth: { identity: { methods: 'password' } } } },
    { name: 'password method without its section', body: { auth: { identity: { methods: ['password'] } } } },
    { name: 'a user name without a domain', body: { auth: { identity: { methods: ['password'], password: { user: { name: 'admin', password: 'x' } } } } } },
    { name: 'a project name without a domain', body: passwordAuth({ name: 'admin' }, 'admin-pw', { project: { name: 'admin' } }) },
    { name: 'a scope string other than unscoped', body: passwordAuth({ name: 'admin' }, 'admin-pw', 'everything') },
  ];
  for (const c of malformed) {
    it(`When the body has ${c.name} then 400`, async () => {
      const res = await issue(c.body);
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: { code: number } }).error.code, 400);
    });
  }

  it('When an unscoped token is re-scoped with the token method then the new token is project-scoped and chained', async () => {
    const unscoped = await tokenFor('admin', 'unscoped');
    const res = await issue({ auth: { identity: { methods: ['token'], token: { id: unscoped } }, scope: adminScope() } });
    assert.equal(res.status, 201);
    const { token } = (await res.json()) as TokenBody;
    assert.equal(token.project?.name, 'admin');
    assert.deepEqual([...token.methods].sort(), ['password', 'token']);
    assert.equal(token.audit_ids.length, 2);
  });

  describe('validation and revocation', () => {
    const call = (method: string, caller: string, subject?: string): Promise<Response> =>
      fetch(`${w.url}/identity/v3/auth/tokens`, {
        method,
        headers: { 'X-Auth-Token': caller, ...(subject ? { 'X-Subject-Token': subject } : {}) },
      });

    it('When a user validates their own token then 200 returns the token body and X-Subject-Token', async () => {
      const token = await tokenFor('alice');
      const res = await call('GET', token, token);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('X-Subject-Token'), token);
      const body = (await res.json()) as TokenBody;
      assert.equal(body.token.user.name, 'alice');
      assert.ok(body.token.catalog);
    });

    it('When HEAD checks a valid token then 200 with an empty body', async () => {
      const token = await tokenFor('alice');
      const res = await call('HEAD', token, token);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), '');
    });

    it('When an admin validates another user token then 200', async () => {
      const res = await call('GET', await tokenFor('admin', adminScope()), await tokenFor('alice'));
      assert.equal(res.status, 200);
    });

    it('When a non-admin validates another user token then 403', async () => {
      const res = await call('GET', await tokenFor('alice'), await tokenFor('carol'));
      assert.equal(res.status, 403);
    });

    it('When the subject token is invalid then GET and HEAD give 404', async () => {
      const caller = await tokenFor('alice');
      assert.equal((await call('GET', caller, 'gAAAAAbogus')).status, 404);
      assert.equal((await call('HEAD', caller, 'gAAAAAbogus')).status, 404);
      assert.equal((await call('GET', caller)).status, 404);
    });

    it('When the caller token is tampered with then a protected route answers 401', async () => {
      const token = await tokenFor('admin', adminScope());
      const tampered = `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
      const res = await fetch(`${w.url}/identity/v3/projects`, { headers: { 'X-Auth-Token': tampered } });
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error: { message: string } }).error.message, AUTH_MESSAGE);
      assert.equal((await fetch(`${w.url}/identity/v3/projects`)).status, 401);
    });

    it('When a token is revoked then validating it gives 404 and using it gives 401', async () => {
      const token = await tokenFor('alice');
      const revoke = await call('DELETE', token, token);
      assert.equal(revoke.status, 204);
      assert.equal(await revoke.text(), '');
      const observer = await tokenFor('admin', adminScope());
      assert.equal((await call('GET', observer, token)).status, 404);
      assert.equal((await call('HEAD', observer, token)).status, 404);
      assert.equal((await call('GET', token, token)).status, 401);
    });

    it('When a non-admin revokes another user token then 403 and the token stays valid', async () => {
      const victim = await tokenFor('carol');
      assert.equal((await call('DELETE', await tokenFor('alice'), victim)).status, 403);
      assert.equal((await call('GET', victim, victim)).status, 200);
    });
  });

  describe('auth info', () => {
    const get = (path: string, token: string): Promise<Response> =>
      fetch(`${w.url}/identity/v3/auth/${path}`, { headers: { 'X-Auth-Token': token } });

    it('When GET /v3/auth/projects then the enabled projects the user has roles on are listed', async () => {
      const res = await get('projects', await tokenFor('alice', 'unscoped'));
      assert.equal(res.status, 200);
      const body = (await res.json()) as { projects: { name: string }[]; links: { self: string; next: null; previous: null } };
      assert.deepEqual(body.projects.map((p) => p.name), ['demo']);
      assert.equal(body.links.next, null);
      assert.equal(body.links.previous, null);
      assert.equal(body.links.self, `${w.url}/identity/v3/auth/projects`);
    });

    it('When GET /v3/auth/catalog with a scoped token then 200 with the catalog', async () => {
      const res = await get('catalog', await tokenFor('alice'));
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { catalog: unknown[] }).catalog.length, 6);
    });

    it('When GET /v3/auth/catalog with an unscoped token then 403', async () => {
      assert.equal((await get('catalog', await tokenFor('alice', 'unscoped'))).status, 403);
    });

    it('When GET /v3/auth/domains then 200 with an empty list', async () => {
      const res = await get('domains', await tokenFor('alice'));
      assert.deepEqual(((await res.json()) as { domains: unknown[] }).domains, []);
    });
  });
});
