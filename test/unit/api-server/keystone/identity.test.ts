import assert from 'node:assert/strict';
import { passwordAuth, serveKeystone, type HttpWorld } from '../auth/identity-fixture.js';

type Json = Record<string, unknown>;

describe('Keystone identity resources (read-only)', () => {
  let w: HttpWorld;
  const tokens: Record<string, string> = {};
  before(async () => {
    w = await serveKeystone();
    const login = async (name: string, scope?: unknown): Promise<string> => {
      const res = await fetch(`${w.url}/identity/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(passwordAuth({ name }, `${name}-pw`, scope)),
      });
      assert.equal(res.status, 201, `${name}: ${await res.clone().text()}`);
      return res.headers.get('X-Subject-Token') as string;
    };
    // Default scopes: admin on admin, alice, rita and fred on demo; carol has no roles (unscoped).
    for (const name of ['admin', 'alice', 'rita', 'fred', 'carol']) tokens[name] = await login(name);
    tokens.aliceUnscoped = await login('alice', 'unscoped');
  });
  after(() => w.close());

  async function get(path: string, token: string): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${w.url}/identity/v3/${path}`, { headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' } });
    return { status: res.status, body: (await res.json()) as Json };
  }
  const names = (list: unknown): string[] => (list as { name: string }[]).map((x) => x.name);

  describe('admin-only collections', () => {
    const collections = ['projects', 'users', 'roles', 'domains', 'role_assignments'];
    const callers = [
      { who: 'a member', token: 'alice' },
      { who: 'a reader', token: 'rita' },
      { who: 'a holder of an unknown role', token: 'fred' },
      { who: 'an unscoped token', token: 'carol' },
    ];
    for (const c of callers) {
      it(`When ${c.who} lists ${collections.join(', ')} then each is 403 in Keystone format`, async () => {
        for (const collection of collections) {
          const { status, body } = await get(collection, tokens[c.token]);
          assert.equal(status, 403, collection);
          assert.equal((body.error as { code: number }).code, 403, collection);
        }
      });
    }
  });

  describe('projects', () => {
    it('When an admin lists projects then every project is shown with links', async () => {
      const { status, body } = await get('projects', tokens.admin);
      assert.equal(status, 200);
      assert.deepEqual(names(body.projects), ['admin', 'demo', 'off']);
      assert.deepEqual(body.links, { self: `${w.url}/identity/v3/projects`, next: null, previous: null });
    });

    it('When projects are filtered then only exact matches are shown', async () => {
      assert.deepEqual(names((await get('projects?name=demo', tokens.admin)).body.projects), ['demo']);
      assert.deepEqual(names((await get('projects?name=dem', tokens.admin)).body.projects), []);
      assert.deepEqual(names((await get('projects?enabled=false', tokens.admin)).body.projects), ['off']);
      assert.deepEqual(names((await get('projects?domain_id=other', tokens.admin)).body.projects), []);
    });

    it('When a project is shown with a token scoped to it then it has the Keystone shape', async () => {
      const { status, body } = await get(`projects/${w.ids.projects.demo}`, tokens.alice);
      assert.equal(status, 200);
      assert.deepEqual(body.project, {
        id: w.ids.projects.demo,
        name: 'demo',
        domain_id: 'default',
        description: 'demo project',
        enabled: true,
        is_domain: false,
        parent_id: 'default',
        tags: [],
        options: {},
        links: { self: `${w.url}/identity/v3/projects/${w.ids.projects.demo}` },
      });
    });

    // Keystone's identity:get_project: an admin, or a token scoped to that project.
    const lookups = [
      { name: 'a name instead of an id, as admin', project: () => 'admin', token: 'admin', status: 404 },
      { name: 'an unknown id, as a member', project: () => '0123456789abcdef0123456789abcdef', token: 'alice', status: 404 },
      { name: 'another project, as admin', project: () => w.ids.projects.demo, token: 'admin', status: 200 },
      { name: 'a project without the caller’s roles', project: () => w.ids.projects.admin, token: 'alice', status: 403 },
      { name: 'a project the caller has a role on but the token is not scoped to', project: () => w.ids.projects.off, token: 'alice', status: 403 },
      { name: 'a project with an unscoped token', project: () => w.ids.projects.demo, token: 'aliceUnscoped', status: 403 },
      { name: 'its project, as a reader', project: () => w.ids.projects.demo, token: 'rita', status: 200 },
    ];
    for (const c of lookups) {
      it(`When showing ${c.name} then ${c.status}`, async () => {
        const res = await get(`projects/${c.project()}`, tokens[c.token]);
        assert.equal(res.status, c.status);
        if (c.status !== 200) assert.equal((res.body.error as { code: number }).code, c.status);
      });
    }
  });

  describe('users', () => {
    it('When an admin lists users then all are shown, without passwords', async () => {
      const { body } = await get('users', tokens.admin);
      assert.deepEqual(names(body.users), ['admin', 'alice', 'bob', 'carol', 'fred', 'rita']);
      assert.ok(!JSON.stringify(body).includes('password"'));
    });

    it('When a user is shown then it has the Keystone shape', async () => {
      const { body } = await get(`users/${w.ids.users.alice}`, tokens.alice);
      assert.deepEqual(body.user, {
        id: w.ids.users.alice,
        name: 'alice',
        domain_id: 'default',
        enabled: true,
        default_project_id: w.ids.projects.demo,
        email: 'alice@example.org',
        password_expires_at: null,
        options: {},
        links: { self: `${w.url}/identity/v3/users/${w.ids.users.alice}` },
      });
    });

    it('When a non-admin shows another user then 403, themselves 200, and an unknown one 404', async () => {
      assert.equal((await get(`users/${w.ids.users.carol}`, tokens.alice)).status, 403);
      assert.equal((await get(`users/${w.ids.users.carol}`, tokens.carol)).status, 200);
      assert.equal((await get('users/alice', tokens.admin)).status, 404);
    });

    it('When users are filtered by name then only the exact name matches', async () => {
      assert.deepEqual(names((await get('users?name=carol', tokens.admin)).body.users), ['carol']);
      assert.deepEqual(names((await get('users?enabled=0', tokens.admin)).body.users), ['bob']);
    });
  });

  describe('roles', () => {
    it('When an admin lists roles then they have domain_id null', async () => {
      const { body } = await get('roles', tokens.admin);
      assert.deepEqual(names(body.roles), ['admin', 'foo', 'member', 'reader']);
      assert.ok((body.roles as Json[]).every((r) => r.domain_id === null));
      assert.deepEqual(names((await get('roles?name=member', tokens.admin)).body.roles), ['member']);
      assert.deepEqual(names((await get('roles?domain_id=default', tokens.admin)).body.roles), []);
    });

    it('When an admin shows a role by id then 200, by name 404', async () => {
      assert.equal(((await get(`roles/${w.ids.roles.member}`, tokens.admin)).body.role as Json).name, 'member');
      assert.equal((await get('roles/member', tokens.admin)).status, 404);
    });

    it('When a member shows a role then 403', async () => {
      assert.equal((await get(`roles/${w.ids.roles.member}`, tokens.alice)).status, 403);
    });
  });

  describe('domains', () => {
    it('When an admin lists domains then only Default exists', async () => {
      assert.deepEqual(names((await get('domains', tokens.admin)).body.domains), ['Default']);
      assert.deepEqual(names((await get('domains?name=Default', tokens.admin)).body.domains), ['Default']);
      assert.deepEqual(names((await get('domains?name=Other', tokens.admin)).body.domains), []);
      assert.deepEqual(names((await get('domains?enabled=false', tokens.admin)).body.domains), []);
    });

    // Keystone's identity:get_domain: an admin, or a token scoped to a project in that domain.
    const lookups = [
      { name: 'the default domain by id, as admin', path: 'domains/default', token: 'admin', status: 200 },
      { name: 'the default domain with a token scoped to one of its projects', path: 'domains/default', token: 'fred', status: 200 },
      { name: 'the default domain with an unscoped token', path: 'domains/default', token: 'carol', status: 403 },
      { name: 'the default domain by name', path: 'domains/Default', token: 'admin', status: 404 },
      { name: 'another id', path: 'domains/nope', token: 'alice', status: 404 },
    ];
    for (const c of lookups) {
      it(`When showing ${c.name} then ${c.status}`, async () => {
        const { status, body } = await get(c.path, tokens[c.token]);
        assert.equal(status, c.status);
        if (status === 200) assert.equal((body.domain as Json).name, 'Default');
      });
    }
  });

  describe('role assignments', () => {
    it('When an admin filters by user and project with names then entries carry the names OSC reads', async () => {
      const q = `role_assignments?user.id=${w.ids.users.alice}&scope.project.id=${w.ids.projects.demo}&include_names=True`;
      const { status, body } = await get(q, tokens.admin);
      assert.equal(status, 200);
      assert.deepEqual(body.role_assignments, [
        {
          role: { id: w.ids.roles.member, name: 'member' },
          user: { id: w.ids.users.alice, name: 'alice', domain: { id: 'default', name: 'Default' } },
          scope: { project: { id: w.ids.projects.demo, name: 'demo', domain: { id: 'default', name: 'Default' } } },
          links: { assignment: `${w.url}/identity/v3/projects/${w.ids.projects.demo}/users/${w.ids.users.alice}/roles/${w.ids.roles.member}` },
        },
      ]);
    });

    it('When names are not asked for then entries carry ids only', async () => {
      const { body } = await get(`role_assignments?role.id=${w.ids.roles.admin}`, tokens.admin);
      assert.deepEqual(body.role_assignments, [
        {
          role: { id: w.ids.roles.admin },
          user: { id: w.ids.users.admin },
          scope: { project: { id: w.ids.projects.admin } },
          links: { assignment: `${w.url}/identity/v3/projects/${w.ids.projects.admin}/users/${w.ids.users.admin}/roles/${w.ids.roles.admin}` },
        },
      ]);
    });

    it('When an admin lists all then every assignment is shown', async () => {
      assert.equal(((await get('role_assignments', tokens.admin)).body.role_assignments as unknown[]).length, 7);
      assert.equal(((await get(`role_assignments?user.id=${w.ids.users.alice}`, tokens.admin)).body.role_assignments as unknown[]).length, 2);
    });

    it('When filtering on groups or domain scope then nothing matches', async () => {
      assert.deepEqual((await get('role_assignments?group.id=g1', tokens.admin)).body.role_assignments, []);
      assert.deepEqual((await get('role_assignments?scope.domain.id=default', tokens.admin)).body.role_assignments, []);
    });
  });
});
