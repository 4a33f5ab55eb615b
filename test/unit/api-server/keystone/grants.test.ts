// Keystone's grants (PUT/HEAD/GET/DELETE of one role, and the lists) for every shape, and what a
// grant does to tokens: a group's role, an inherited one, a membership ended.
import assert from 'node:assert/strict';
import type { RoleAssignment } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import { assignmentWorld, D1, GROUP, messageOf, TREE, type AssignmentWorld } from './assignment-fixture.js';

describe('Keystone grants', () => {
  let w: AssignmentWorld;
  let roleId: string;
  before(async () => {
    w = await assignmentWorld();
    roleId = (await w.api('POST', 'roles', { role: { name: 'grantee' } })).body.role.id;
  });
  after(() => w.close());

  const assignmentsOf = (spec: Partial<RoleAssignment['spec']>): RoleAssignment[] =>
    w.stores.roleAssignments.list().filter((a) => Object.entries(spec).every(([k, v]) => (a.spec as unknown as Record<string, unknown>)[k] === v) && (a.spec.inherited === true) === (spec.inherited === true));

  // Every shape: the paths of one grant and its list, and the RoleAssignment spec it makes.
  const shapes = [
    { name: 'a user on a project', base: () => `projects/${TREE.top}/users/${w.ids.users.carol}`, spec: () => ({ userId: w.ids.users.carol, projectId: TREE.top }) },
    { name: 'a group on a project', base: () => `projects/${TREE.top}/groups/${GROUP}`, spec: () => ({ groupId: GROUP, projectId: TREE.top }) },
    { name: 'a user on a domain', base: () => `domains/${D1}/users/${w.ids.users.carol}`, spec: () => ({ userId: w.ids.users.carol, domainId: D1 }) },
    { name: 'a group on a domain', base: () => `domains/${D1}/groups/${GROUP}`, spec: () => ({ groupId: GROUP, domainId: D1 }) },
    { name: 'a user on the system', base: () => `system/users/${w.ids.users.carol}`, spec: () => ({ userId: w.ids.users.carol, system: 'all' as const }) },
    { name: 'a group on the system', base: () => `system/groups/${GROUP}`, spec: () => ({ groupId: GROUP, system: 'all' as const }) },
    { name: 'a user inheriting from a domain', base: () => `OS-INHERIT/domains/${D1}/users/${w.ids.users.carol}`, tail: '/inherited_to_projects', spec: () => ({ userId: w.ids.users.carol, domainId: D1, inherited: true }) },
    { name: 'a group inheriting from a domain', base: () => `OS-INHERIT/domains/${D1}/groups/${GROUP}`, tail: '/inherited_to_projects', spec: () => ({ groupId: GROUP, domainId: D1, inherited: true }) },
    { name: 'a user inheriting from a project', base: () => `OS-INHERIT/projects/${TREE.top}/users/${w.ids.users.carol}`, tail: '/inherited_to_projects', noList: true, spec: () => ({ userId: w.ids.users.carol, projectId: TREE.top, inherited: true }) },
    { name: 'a group inheriting from a project', base: () => `OS-INHERIT/projects/${TREE.top}/groups/${GROUP}`, tail: '/inherited_to_projects', noList: true, spec: () => ({ groupId: GROUP, projectId: TREE.top, inherited: true }) },
  ];

  for (const s of shapes) {
    it(`When ${s.name} is granted twice, checked, listed and revoked, then Keystone's codes and one RoleAssignment`, async () => {
      const one = `${s.base()}/roles/${roleId}${s.tail ?? ''}`;
      assert.equal((await w.api('HEAD', one)).status, 404);
      assert.equal((await w.api('PUT', one)).status, 204);
      assert.equal((await w.api('PUT', one)).status, 204);
      const made = assignmentsOf({ ...s.spec(), roleId });
      assert.equal(made.length, 1);
      assert.match(made[0].metadata.name, /^[a-z0-9.-]{1,253}$/);
      assert.equal((await w.api('HEAD', one)).status, 204);
      assert.equal((await w.api('GET', one)).status, 204);
      if (!s.noList) {
        const list = await w.api('GET', `${s.base()}/roles${s.tail ?? ''}`);
        assert.equal(list.status, 200);
        assert.deepEqual(list.body.roles.map((r: { id: string }) => r.id), [roleId]);
      }
      assert.equal((await w.api('DELETE', one)).status, 204);
      assert.equal(assignmentsOf({ ...s.spec(), roleId }).length, 0);
      const again = await w.api('DELETE', one);
      assert.equal(again.status, 404);
      assert.match(messageOf(again), new RegExp(`^Could not find role assignment with role: ${roleId}, user or group: \\S+, project, domain, or system: \\S+\\.$`));
    });
  }

  it("When a user's role on a project is granted then its RoleAssignment has the seed's name, and each shape's name differs", async () => {
    const [p, u, g] = [TREE.mid, w.ids.users.carol, GROUP];
    const paths = [`projects/${p}/users/${u}`, `projects/${p}/groups/${g}`, `domains/${D1}/users/${u}`, `OS-INHERIT/projects/${p}/users/${u}`];
    for (const base of paths) assert.equal((await w.api('PUT', `${base}/roles/${roleId}${base.startsWith('OS-') ? '/inherited_to_projects' : ''}`)).status, 204);
    const names = w.stores.roleAssignments.list().filter((a) => a.spec.roleId === roleId).map((a) => a.metadata.name);
    assert.ok(names.includes(`${p}.${u}.${roleId}`), names.join());
    assert.equal(new Set(names).size, 4);
  });

  it('When one grant is PUT concurrently then every answer is 204 and there is one RoleAssignment', async () => {
    const one = `projects/${TREE.leaf}/users/${w.ids.users.rita}/roles/${roleId}`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => w.api('PUT', one)));
    assert.deepEqual(answers.map((a) => a.status), [204, 204, 204, 204, 204, 204]);
    assert.equal(assignmentsOf({ userId: w.ids.users.rita, projectId: TREE.leaf, roleId }).length, 1);
  });

  const unknowns = [
    { name: 'role', path: () => `projects/${TREE.top}/users/${w.ids.users.carol}/roles/nope`, message: 'Could not find role: nope.' },
    { name: 'user', path: () => `projects/${TREE.top}/users/nope/roles/${roleId}`, message: 'Could not find user: nope.' },
    { name: 'group', path: () => `domains/${D1}/groups/nope/roles/${roleId}`, message: 'Could not find group: nope.' },
    { name: 'project', path: () => `projects/nope/users/${w.ids.users.carol}/roles/${roleId}`, message: 'Could not find project: nope.' },
    { name: 'domain', path: () => `OS-INHERIT/domains/nope/users/${w.ids.users.carol}/roles/${roleId}/inherited_to_projects`, message: 'Could not find domain: nope.' },
  ];
  for (const c of unknowns) {
    it(`When a grant names an unknown ${c.name} then PUT and HEAD are 404 with Keystone's message`, async () => {
      for (const method of ['PUT', 'GET']) {
        const res = await w.api(method, c.path());
        assert.equal(res.status, 404, method);
        assert.equal(messageOf(res), c.message);
      }
    });
  }

  it('When a domain-specific role is granted outside its domain then 403, on the system 400, in its domain 204', async () => {
    const domainRole = (await w.api('POST', 'roles', { role: { name: 'd1-lead', domain_id: D1 } })).body.role.id as string;
    const outside = await w.api('PUT', `projects/${w.ids.projects.demo}/users/${w.ids.users.carol}/roles/${domainRole}`);
    assert.equal(outside.status, 403);
    assert.equal(messageOf(outside), `Project ${w.ids.projects.demo} must be in the same domain as the role ${domainRole} being assigned.`);
    assert.equal((await w.api('PUT', `system/users/${w.ids.users.carol}/roles/${domainRole}`)).status, 400);
    assert.equal((await w.api('PUT', `projects/${TREE.top}/users/${w.ids.users.carol}/roles/${domainRole}`)).status, 204);
  });

  it("When a user's grant is revoked after the user is gone then 204 (revoking needs no actor)", async () => {
    w.seed(Resources.User, 'ghost', { name: 'ghost', domainId: 'default' });
    assert.equal((await w.api('PUT', `projects/${TREE.top}/users/ghost/roles/${roleId}`)).status, 204);
    await w.kube.delete(Resources.User, 'ghost');
    assert.equal((await w.api('PUT', `projects/${TREE.top}/users/ghost/roles/${roleId}`)).status, 404);
    assert.equal((await w.api('DELETE', `projects/${TREE.top}/users/ghost/roles/${roleId}`)).status, 204);
  });

  it('When a non-admin grants, checks or lists then 403', async () => {
    const alice = (await w.login('alice')).token!;
    const one = `projects/${w.ids.projects.demo}/users/${w.ids.users.alice}/roles/${w.ids.roles.admin}`;
    for (const method of ['PUT', 'HEAD', 'DELETE']) assert.equal((await w.api(method, one, undefined, alice)).status, 403, method);
    assert.equal((await w.api('GET', `projects/${w.ids.projects.demo}/users/${w.ids.users.alice}/roles`, undefined, alice)).status, 403);
  });

  describe('what grants do to tokens', () => {
    const scope = (projectId: string): object => ({ project: { id: projectId } });

    it("When a group holds member on a project then its member gets a token there with the group's roles, and loses it with the membership", async () => {
      const member = w.ids.roles.member;
      // A project of its own: the grants of the tests above stay where they are.
      w.seed(Resources.Project, 'p-solo', { name: 'solo', domainId: D1, enabled: true });
      assert.equal((await w.login('carol', scope('p-solo'))).status, 401);
      assert.equal((await w.api('PUT', `projects/p-solo/groups/${GROUP}/roles/${member}`)).status, 204);
      const login = await w.login('carol', scope('p-solo'));
      assert.equal(login.status, 201);
      assert.deepEqual(login.body.token.roles.map((r: { name: string }) => r.name), ['member']);
      // Membership ends: the token already issued stops working, and no new one is given.
      await w.kube.delete(Resources.GroupMembership, `${GROUP}.carol`);
      const check = await w.api('GET', 'auth/tokens', undefined, login.token);
      assert.equal(check.status, 401);
      assert.equal((await w.login('carol', scope('p-solo'))).status, 401);
      w.seed(Resources.GroupMembership, `${GROUP}.carol`, { groupId: GROUP, userId: w.ids.users.carol });
      assert.equal((await w.api('DELETE', `projects/p-solo/groups/${GROUP}/roles/${member}`)).status, 204);
    });

    it('When a role is inherited from the domain then the user gets tokens on its projects at any depth, not on the domain', async () => {
      const reader = w.ids.roles.reader;
      const grant = `OS-INHERIT/domains/${D1}/users/${w.ids.users.fred}/roles/${reader}/inherited_to_projects`;
      assert.equal((await w.api('PUT', grant)).status, 204);
      for (const p of [TREE.top, TREE.leaf]) assert.equal((await w.login('fred', scope(p))).status, 201, p);
      assert.equal((await w.login('fred', { domain: { id: D1 } })).status, 401);
      assert.equal((await w.api('DELETE', grant)).status, 204);
      assert.equal((await w.login('fred', scope(TREE.leaf))).status, 401);
    });
  });
});
