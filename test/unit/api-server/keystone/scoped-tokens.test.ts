// Domain- and system-scoped tokens: who may get one (a role on the domain, a system role), what
// the token document says, what the caller is afterwards (isAdmin), and what /v3/auth/domains and
// /v3/auth/system answer.
import assert from 'node:assert/strict';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import type { RoleAssignment } from '../../../../crds/types.generated.js';
import { passwordAuth, serveKeystone, until, type HttpWorld } from '../auth/identity-fixture.js';

interface TokenJson {
  token: {
    methods: string[];
    project?: unknown;
    domain?: { id: string; name: string };
    system?: { all: boolean };
    roles?: { id: string; name: string }[];
    catalog?: { type: string; endpoints: { url: string }[] }[];
  };
}

describe('Keystone domain- and system-scoped tokens', () => {
  let w: HttpWorld;
  const grant = (name: string, spec: RoleAssignment['spec']): void => {
    w.kube.seed(Resources.RoleAssignment, { ...typeMeta(Resources.RoleAssignment), metadata: { name }, spec });
  };

  before(async () => {
    w = await serveKeystone();
    w.kube.seed(Resources.Domain, { ...typeMeta(Resources.Domain), metadata: { name: 'default' }, spec: { name: 'Default', enabled: true } });
    w.kube.seed(Resources.Domain, { ...typeMeta(Resources.Domain), metadata: { name: 'off' }, spec: { name: 'Off', enabled: false } });
    grant('admin-system', { userId: w.ids.users.admin, system: 'all', roleId: w.ids.roles.admin });
    grant('admin-default', { userId: w.ids.users.admin, domainId: 'default', roleId: w.ids.roles.admin });
    grant('rita-default', { userId: w.ids.users.rita, domainId: 'default', roleId: w.ids.roles.reader });
    grant('rita-system', { userId: w.ids.users.rita, system: 'all', roleId: w.ids.roles.reader });
    grant('alice-off', { userId: w.ids.users.alice, domainId: 'off', roleId: w.ids.roles.member });
    await until(() => w.stores.roleAssignments.list().length >= 12 && w.stores.domains.list().length === 2, 'the grants in the cache');
  });
  after(() => w.close());

  const issue = async (user: string, scope: unknown): Promise<{ status: number; token: string; body: TokenJson }> => {
    const res = await fetch(`${w.url}/identity/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(passwordAuth({ name: user }, `${user}-pw`, scope)) });
    return { status: res.status, token: res.headers.get('X-Subject-Token') ?? '', body: (await res.json()) as TokenJson };
  };
  const get = async (path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${w.url}/identity/v3/${path}`, { headers: { 'X-Auth-Token': token } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const granted = [
    { name: 'the admin, domain scope by id', user: 'admin', scope: { domain: { id: 'default' } }, domain: true, roles: ['admin'], isAdmin: false },
    { name: 'the admin, domain scope by name', user: 'admin', scope: { domain: { name: 'Default' } }, domain: true, roles: ['admin'], isAdmin: false },
    { name: 'the admin, system scope', user: 'admin', scope: { system: { all: true } }, domain: false, roles: ['admin'], isAdmin: true },
    { name: 'a system reader', user: 'rita', scope: { system: { all: true } }, domain: false, roles: ['reader'], isAdmin: false },
    { name: 'a domain reader', user: 'rita', scope: { domain: { id: 'default' } }, domain: true, roles: ['reader'], isAdmin: false },
  ];
  for (const c of granted) {
    it(`When ${c.name} asks, then 201 with the scope, its roles and a catalog without per-project endpoints`, async () => {
      const { status, token, body } = await issue(c.user, c.scope);
      assert.equal(status, 201, JSON.stringify(body));
      assert.equal(body.token.project, undefined);
      if (c.domain) assert.deepEqual(body.token.domain, { id: 'default', name: 'Default' });
      else assert.deepEqual(body.token.system, { all: true });
      assert.deepEqual(body.token.roles?.map((r) => r.name).sort(), c.roles);
      const types = (body.token.catalog ?? []).map((s) => s.type).sort();
      assert.deepEqual(types, ['compute', 'identity', 'image', 'network']);
      const ctx = await w.tokens.validate(token);
      assert.equal(ctx.isAdmin, c.isAdmin);
      assert.equal(ctx.projectId, undefined);
      assert.equal(ctx.system === true, !c.domain);
      assert.equal(ctx.domainId, c.domain ? 'default' : undefined);
    });
  }

  const refused = [
    { name: 'a user without a role on the domain', user: 'carol', scope: { domain: { id: 'default' } } },
    { name: 'a user without a system role', user: 'alice', scope: { system: { all: true } } },
    { name: 'a role on a disabled domain', user: 'alice', scope: { domain: { id: 'off' } } },
    { name: 'an unknown domain', user: 'admin', scope: { domain: { name: 'Nowhere' } } },
  ];
  for (const c of refused) {
    it(`When ${c.name} asks, then 401`, async () => {
      assert.equal((await issue(c.user, c.scope)).status, 401);
    });
  }

  it('When a system scope is not "all", then 400', async () => {
    assert.equal((await issue('admin', { system: { all: false } })).status, 400);
  });

  it('When a system-scoped token is re-scoped to a project, then 403; to unscoped it is fine', async () => {
    const { token } = await issue('admin', { system: { all: true } });
    const rescope = (scope: unknown): Promise<Response> =>
      fetch(`${w.url}/identity/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ auth: { identity: { methods: ['token'], token: { id: token } }, scope } }) });
    assert.equal((await rescope({ project: { id: w.ids.projects.admin } })).status, 403);
    assert.equal((await rescope('unscoped')).status, 201);
  });

  it('When the system role is removed, then the system-scoped token stops validating', async () => {
    grant('fred-system', { userId: w.ids.users.fred, system: 'all', roleId: w.ids.roles.member });
    await until(() => w.stores.roleAssignments.get('fred-system') !== undefined, 'fred\'s grant');
    const { token } = await issue('fred', { system: { all: true } });
    assert.equal((await get('auth/system', token)).status, 200);
    await w.kube.delete(Resources.RoleAssignment, 'fred-system');
    await until(() => w.stores.roleAssignments.get('fred-system') === undefined, 'the grant gone');
    assert.equal((await get('auth/system', token)).status, 401);
  });

  it('When a domain-scoped token validates itself, then GET /v3/auth/tokens shows the domain', async () => {
    const { token } = await issue('admin', { domain: { id: 'default' } });
    const res = await fetch(`${w.url}/identity/v3/auth/tokens`, { headers: { 'X-Auth-Token': token, 'X-Subject-Token': token } });
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as TokenJson).token.domain, { id: 'default', name: 'Default' });
  });

  it('When a domain-scoped token asks for /v3/auth/catalog, then 403 as Keystone (a project-scoped token is needed)', async () => {
    const { token } = await issue('admin', { domain: { id: 'default' } });
    assert.equal((await get('auth/catalog', token)).status, 403);
  });

  const domainsSeen = [
    { user: 'admin', domains: ['Default'] },
    { user: 'rita', domains: ['Default'] },
    // alice's only domain role is on a disabled domain.
    { user: 'alice', domains: [] },
    { user: 'carol', domains: [] },
  ];
  for (const c of domainsSeen) {
    it(`When ${c.user} lists /v3/auth/domains, then ${JSON.stringify(c.domains)}`, async () => {
      const { token } = await issue(c.user, 'unscoped');
      const { status, body } = await get('auth/domains', token);
      assert.equal(status, 200);
      assert.deepEqual((body.domains as { name: string }[]).map((d) => d.name), c.domains);
    });
  }

  const systemSeen = [
    { user: 'admin', system: [{ all: true }] },
    { user: 'rita', system: [{ all: true }] },
    { user: 'alice', system: [] },
  ];
  for (const c of systemSeen) {
    it(`When ${c.user} asks /v3/auth/system, then ${JSON.stringify(c.system)}`, async () => {
      const { token } = await issue(c.user, 'unscoped');
      const { status, body } = await get('auth/system', token);
      assert.equal(status, 200);
      assert.deepEqual(body.system, c.system);
    });
  }
});
