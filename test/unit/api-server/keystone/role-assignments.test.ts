// GET /v3/role_assignments over a world of every kind of grant: direct listing with Keystone's
// filters, effective listing (group members, OS-INHERIT placed on projects, implied roles,
// domain-specific roles stripped, no system grants), include_names and include_subtree, the 400s.
import assert from 'node:assert/strict';
import { assignmentWorld, D1, GROUP, messageOf, TREE, type AssignmentWorld } from './assignment-fixture.js';

interface Entry {
  user?: { id: string; name?: string; domain?: { id: string; name: string } };
  group?: { id: string };
  role: { id: string; name?: string };
  scope: { project?: { id: string; name?: string; domain?: { id: string; name: string } }; domain?: { id: string }; system?: { all: boolean }; 'OS-INHERIT:inherited_to'?: string };
  links: { assignment: string; membership?: string; prior_role?: string };
}

describe('Keystone role assignments', () => {
  let w: AssignmentWorld;
  const role: Record<string, string> = {};
  let carol: string;
  let rita: string;
  let fred: string;
  before(async () => {
    w = await assignmentWorld();
    [carol, rita, fred] = [w.ids.users.carol, w.ids.users.rita, w.ids.users.fred];
    for (const name of ['boss', 'aide']) role[name] = (await w.api('POST', 'roles', { role: { name } })).body.role.id;
    role.dlead = (await w.api('POST', 'roles', { role: { name: 'dlead', domain_id: D1 } })).body.role.id;
    const put = async (path: string): Promise<void> => assert.equal((await w.api('PUT', path)).status, path.includes('/implies/') ? 201 : 204, path);
    await put(`roles/${role.boss}/implies/${role.aide}`);
    await put(`roles/${role.dlead}/implies/${role.aide}`);
    await put(`projects/${TREE.top}/users/${carol}/roles/${role.boss}`);
    await put(`projects/${TREE.mid}/groups/${GROUP}/roles/${role.aide}`);
    await put(`OS-INHERIT/domains/${D1}/users/${rita}/roles/${role.aide}/inherited_to_projects`);
    await put(`domains/${D1}/users/${fred}/roles/${role.aide}`);
    await put(`system/users/${carol}/roles/${role.aide}`);
    await put(`OS-INHERIT/projects/${TREE.top}/users/${fred}/roles/${role.aide}/inherited_to_projects`);
    await put(`projects/${TREE.leaf}/users/${carol}/roles/${role.dlead}`);
  });
  after(() => w.close());

  const url = (path: string): string => `${w.url}/identity/v3/${path}`;
  async function list(query: string): Promise<Entry[]> {
    const res = await w.api('GET', `role_assignments?${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // Only this world's own roles: the fixture's seeded grants (admin's, alice's…) are not the point.
    return (res.body.role_assignments as Entry[]).filter((e) => Object.values(role).includes(e.role.id));
  }
  /** user|group:target:role:inherited, for comparing lists. */
  const brief = (e: Entry): string => {
    const actor = e.user ? `u=${e.user.id}` : `g=${e.group?.id}`;
    const target = e.scope.project ? `p=${e.scope.project.id}` : e.scope.domain ? `d=${e.scope.domain.id}` : 'system';
    const name = Object.entries(role).find(([, id]) => id === e.role.id)?.[0];
    return `${actor}:${target}:${name}${e.scope['OS-INHERIT:inherited_to'] ? ':inherited' : ''}`;
  };
  const briefs = async (query: string): Promise<string[]> => (await list(query)).map(brief).sort();

  describe('direct', () => {
    it("When filtered by user then that user's own grants on projects, domains and the system", async () => {
      assert.deepEqual(await briefs(`user.id=${carol}`), [`u=${carol}:p=${TREE.leaf}:dlead`, `u=${carol}:p=${TREE.top}:boss`, `u=${carol}:system:aide`].sort());
    });

    it('When filtered by group, scope and inheritance then the matching grants, with Keystone’s scope and links', async () => {
      const [group] = await list(`group.id=${GROUP}`);
      assert.deepEqual(group, { scope: { project: { id: TREE.mid } }, group: { id: GROUP }, role: { id: role.aide }, links: { assignment: url(`projects/${TREE.mid}/groups/${GROUP}/roles/${role.aide}`) } });
      const [inherited] = await list(`user.id=${rita}&scope.OS-INHERIT:inherited_to=projects`);
      assert.deepEqual(inherited.scope, { domain: { id: D1 }, 'OS-INHERIT:inherited_to': 'projects' });
      assert.equal(inherited.links.assignment, url(`OS-INHERIT/domains/${D1}/users/${rita}/roles/${role.aide}/inherited_to_projects`));
      const [system] = await list('scope.system=all');
      assert.deepEqual(system, { scope: { system: { all: true } }, user: { id: carol }, role: { id: role.aide }, links: { assignment: url(`system/users/${carol}/roles/${role.aide}`) } });
      assert.deepEqual(await briefs(`scope.domain.id=${D1}`), [`u=${fred}:d=${D1}:aide`, `u=${rita}:d=${D1}:aide:inherited`].sort());
      assert.deepEqual(await briefs(`scope.domain.id=${D1}&scope.OS-INHERIT:inherited_to=none`), [`u=${fred}:d=${D1}:aide`]);
      assert.deepEqual(await briefs(`role.id=${role.boss}`), [`u=${carol}:p=${TREE.top}:boss`]);
    });

    it('When include_subtree widens a project filter then the grants on its descendants are listed too', async () => {
      assert.deepEqual(await briefs(`scope.project.id=${TREE.mid}`), [`g=${GROUP}:p=${TREE.mid}:aide`]);
      assert.deepEqual(await briefs(`scope.project.id=${TREE.mid}&include_subtree=True`), [`g=${GROUP}:p=${TREE.mid}:aide`, `u=${carol}:p=${TREE.leaf}:dlead`].sort());
    });
  });

  describe('effective', () => {
    it("When a group grants a role then each member has it, linked to the group's grant and the membership", async () => {
      const entries = await list(`effective&user.id=${carol}&scope.project.id=${TREE.mid}`);
      assert.deepEqual(entries, [
        {
          scope: { project: { id: TREE.mid } },
          user: { id: carol },
          role: { id: role.aide },
          links: { assignment: url(`projects/${TREE.mid}/groups/${GROUP}/roles/${role.aide}`), membership: url(`groups/${GROUP}/users/${carol}`) },
        },
      ]);
    });

    it('When a role implies another then both are listed, the implied one linked to its prior role (Tempest’s count of 2, then 1)', async () => {
      const entries = await list(`effective&user.id=${carol}&scope.project.id=${TREE.top}`);
      assert.deepEqual(entries.map(brief).sort(), [`u=${carol}:p=${TREE.top}:aide`, `u=${carol}:p=${TREE.top}:boss`].sort());
      const implied = entries.find((e) => e.role.id === role.aide)!;
      assert.equal(implied.links.assignment, url(`projects/${TREE.top}/users/${carol}/roles/${role.boss}`));
      assert.equal(implied.links.prior_role, url(`prior_role/${role.aide}/implies/${role.boss}`));
      assert.equal((await w.api('DELETE', `roles/${role.boss}/implies/${role.aide}`)).status, 204);
      assert.deepEqual(await briefs(`effective&user.id=${carol}&scope.project.id=${TREE.top}`), [`u=${carol}:p=${TREE.top}:boss`]);
      assert.equal((await w.api('PUT', `roles/${role.boss}/implies/${role.aide}`)).status, 201);
    });

    it('When a domain-specific role is granted then only the roles it implies are effective', async () => {
      assert.deepEqual(await briefs(`effective&user.id=${carol}&scope.project.id=${TREE.leaf}`), [`u=${carol}:p=${TREE.leaf}:aide`]);
    });

    it("When a role is inherited from a domain then it is on each of the domain's projects, as OS-INHERIT, linked to the domain grant", async () => {
      const entries = await list(`effective&user.id=${rita}`);
      assert.deepEqual(entries.map(brief).sort(), [TREE.leaf, TREE.mid, TREE.top].map((p) => `u=${rita}:p=${p}:aide:inherited`).sort());
      for (const e of entries) assert.equal(e.links.assignment, url(`OS-INHERIT/domains/${D1}/users/${rita}/roles/${role.aide}/inherited_to_projects`));
    });

    it('When a role is inherited from a project then it is on the subtree, and a domain grant stays on the domain', async () => {
      assert.deepEqual(await briefs(`effective&user.id=${fred}`), [`u=${fred}:d=${D1}:aide`, `u=${fred}:p=${TREE.leaf}:aide:inherited`, `u=${fred}:p=${TREE.mid}:aide:inherited`].sort());
      assert.deepEqual(await briefs(`effective&user.id=${fred}&scope.OS-INHERIT:inherited_to=projects`), [`u=${fred}:p=${TREE.leaf}:aide:inherited`, `u=${fred}:p=${TREE.mid}:aide:inherited`].sort());
      assert.deepEqual(await briefs(`effective&scope.domain.id=${D1}`), [`u=${fred}:d=${D1}:aide`]);
    });

    it('When effective entries are asked with include_names then users, projects, domains and roles are named', async () => {
      const [entry] = await list(`effective&include_names=True&user.id=${carol}&scope.project.id=${TREE.mid}`);
      assert.deepEqual(entry.user, { id: carol, name: 'carol', domain: { id: 'default', name: 'Default' } });
      assert.deepEqual(entry.scope.project, { id: TREE.mid, name: 'mid', domain: { id: D1, name: 'D1' } });
      assert.deepEqual(entry.role, { id: role.aide, name: 'aide' });
    });

    it('When effective and include_subtree then every project of the subtree is covered, system grants never', async () => {
      const got = await briefs(`effective&scope.project.id=${TREE.mid}&include_subtree`);
      assert.ok(got.includes(`u=${carol}:p=${TREE.mid}:aide`) && got.includes(`u=${rita}:p=${TREE.leaf}:aide:inherited`) && got.includes(`u=${fred}:p=${TREE.leaf}:aide:inherited`), got.join());
      assert.ok(!got.some((b) => b.includes(TREE.top)), got.join());
      assert.deepEqual(await briefs(`effective&user.id=${carol}&scope.system=all`), []);
    });
  });

  const refused = [
    { query: 'include_subtree', message: 'scope.project.id must be specified if include_subtree is also specified' },
    { query: `scope.domain.id=${D1}&scope.project.id=${TREE.top}`, message: 'Specify a domain or project, not both' },
    { query: `scope.domain.id=${D1}&scope.system=all`, message: 'Specify system or domain, not both' },
    { query: `scope.project.id=${TREE.top}&scope.system=all`, message: 'Specify system or project, not both' },
    { query: 'user.id=a&group.id=b', message: 'Specify a user or group, not both' },
    { query: `effective&group.id=${GROUP}`, message: 'Combining effective and group filter will always result in an empty list.' },
    { query: `effective&scope.domain.id=${D1}&scope.OS-INHERIT:inherited_to=projects`, message: 'Combining effective, domain and inherited filters will always result in an empty list.' },
  ];
  for (const c of refused) {
    it(`When asked ${c.query} then 400: ${c.message}`, async () => {
      const res = await w.api('GET', `role_assignments?${c.query}`);
      assert.equal(res.status, 400);
      assert.equal(messageOf(res), c.message);
    });
  }

  it('When include_subtree or an effective listing names an unknown project then 404; a direct listing is just empty', async () => {
    for (const query of ['scope.project.id=nope&include_subtree', 'effective&scope.project.id=nope']) {
      const res = await w.api('GET', `role_assignments?${query}`);
      assert.equal(res.status, 404, query);
      assert.equal(messageOf(res), 'Could not find project: nope.');
    }
    assert.deepEqual((await w.api('GET', 'role_assignments?scope.project.id=nope')).body.role_assignments, []);
  });

  it('When a non-admin lists role assignments, even their own, then 403', async () => {
    const alice = (await w.login('alice')).token!;
    assert.equal((await w.api('GET', `role_assignments?user.id=${w.ids.users.alice}`, undefined, alice)).status, 403);
  });
});
