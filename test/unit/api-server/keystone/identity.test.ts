import assert from 'node:assert/strict';
import { passwordAuth, serveKeystone, type HttpWorld } from '../auth/identity-fixture.js';

type Json = Record<string, unknown>;

describe('Keystone identity resources (read-only)', () => {
  let w: HttpWorld;
  let admin: string;
  let alice: string;
  before(async () => {
    w = await serveKeystone();
    const login = async (name: string): Promise<string> => {
      const res = await fetch(`${w.url}/identity/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(passwordAuth({ name }, `${name}-pw`)),
      });
      return res.headers.get('X-Subject-Token') as string;
    };
    admin = await login('admin');
    alice = await login('alice');
  });
  after(() => w.close());

  async function get(path: string, token: string): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${w.url}/identity/v3/${path}`, { headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' } });
    return { status: res.status, body: (await res.json()) as Json };
  }
  const names = (list: unknown): string[] => (list as { name: string }[]).map((x) => x.name);

  describe('projects', () => {
    it('When an admin lists projects then every project is shown with links', async () => {
      const { status, body } = await get('projects', admin);
      assert.equal(status, 200);
      assert.deepEqual(names(body.projects), ['admin', 'demo', 'off']);
      assert.deepEqual(body.links, { self: `${w.url}/identity/v3/projects`, next: null, previous: null });
    });

    it('When a member lists projects then only projects with their roles are shown', async () => {
      assert.deepEqual(names((await get('projects', alice)).body.projects), ['demo', 'off']);
    });

    it('When projects are filtered by name then only the exact name matches', async () => {
      assert.deepEqual(names((await get('projects?name=demo', admin)).body.projects), ['demo']);
      assert.deepEqual(names((await get('projects?name=dem', admin)).body.projects), []);
      assert.deepEqual(names((await get('projects?enabled=false', admin)).body.projects), ['off']);
    });

    it('When a project is shown then it has the Keystone shape', async () => {
      const { status, body } = await get(`projects/${w.ids.projects.demo}`, alice);
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

    const lookups = [
      { name: 'a name instead of an id', path: 'projects/admin', token: 'admin', status: 404 },
      { name: 'an unknown id', path: 'projects/0123456789abcdef0123456789abcdef', token: 'admin', status: 404 },
      { name: 'a project without the caller’s roles', path: 'PROJECT_ADMIN', token: 'alice', status: 403 },
    ];
    for (const c of lookups) {
      it(`When showing ${c.name} then ${c.status}`, async () => {
        const path = c.path === 'PROJECT_ADMIN' ? `projects/${w.ids.projects.admin}` : c.path;
        const res = await get(path, c.token === 'admin' ? admin : alice);
        assert.equal(res.status, c.status);
        assert.equal((res.body.error as { code: number }).code, c.status);
      });
    }
  });

  describe('users', () => {
    it('When an admin lists users then all are shown, without passwords', async () => {
      const { body } = await get('users', admin);
      assert.deepEqual(names(body.users), ['admin', 'alice', 'bob', 'carol']);
      assert.ok(!JSON.stringify(body).includes('password"'));
    });

    it('When a member lists users then only they are shown', async () => {
      assert.deepEqual(names((await get('users', alice)).body.users), ['alice']);
    });

    it('When a user is shown then it has the Keystone shape', async () => {
      const { body } = await get(`users/${w.ids.users.alice}`, alice);
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

    it('When a member shows another user then 403, and an unknown one 404', async () => {
      assert.equal((await get(`users/${w.ids.users.carol}`, alice)).status, 403);
      assert.equal((await get('users/alice', admin)).status, 404);
    });

    it('When users are filtered by name then only the exact name matches', async () => {
      assert.deepEqual(names((await get('users?name=carol', admin)).body.users), ['carol']);
    });
  });

  describe('roles', () => {
    it('When an admin lists roles then they have domain_id null', async () => {
      const { body } = await get('roles', admin);
      assert.deepEqual(names(body.roles), ['admin', 'member']);
      assert.ok((body.roles as Json[]).every((r) => r.domain_id === null));
      assert.deepEqual(names((await get('roles?name=member', admin)).body.roles), ['member']);
    });

    it('When an admin shows a role by id then 200, by name 404', async () => {
      assert.equal(((await get(`roles/${w.ids.roles.member}`, admin)).body.role as Json).name, 'member');
      assert.equal((await get('roles/member', admin)).status, 404);
    });

    it('When a member reads roles then 403', async () => {
      assert.equal((await get('roles', alice)).status, 403);
      assert.equal((await get(`roles/${w.ids.roles.member}`, alice)).status, 403);
    });
  });

  describe('domains', () => {
    it('When domains are listed then only Default exists', async () => {
      const { body } = await get('domains', alice);
      assert.deepEqual(names(body.domains), ['Default']);
      assert.deepEqual(names((await get('domains?name=Default', admin)).body.domains), ['Default']);
      assert.deepEqual(names((await get('domains?name=Other', admin)).body.domains), []);
    });

    it('When the default domain is shown by id then 200; by name or another id then 404', async () => {
      const { status, body } = await get('domains/default', admin);
      assert.equal(status, 200);
      assert.equal((body.domain as Json).name, 'Default');
      assert.equal((await get('domains/Default', admin)).status, 404);
      assert.equal((await get('domains/nope', admin)).status, 404);
    });
  });

  describe('role assignments', () => {
    it('When an admin filters by user and project with names then entries carry the names OSC reads', async () => {
      const q = `role_assignments?user.id=${w.ids.users.alice}&scope.project.id=${w.ids.projects.demo}&include_names=True`;
      const { status, body } = await get(q, admin);
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
      const { body } = await get(`role_assignments?role.id=${w.ids.roles.admin}`, admin);
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
      assert.equal(((await get('role_assignments', admin)).body.role_assignments as unknown[]).length, 5);
    });

    it('When a member lists assignments then only their own are shown, and asking for another user is 403', async () => {
      const mine = (await get('role_assignments', alice)).body.role_assignments as { user: { id: string } }[];
      assert.equal(mine.length, 2);
      assert.ok(mine.every((a) => a.user.id === w.ids.users.alice));
      assert.equal((await get(`role_assignments?user.id=${w.ids.users.admin}`, alice)).status, 403);
    });

    it('When filtering on groups or domain scope then nothing matches', async () => {
      assert.deepEqual((await get('role_assignments?group.id=g1', admin)).body.role_assignments, []);
      assert.deepEqual((await get('role_assignments?scope.domain.id=default', admin)).body.role_assignments, []);
    });
  });
});
