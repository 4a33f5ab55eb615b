// /v3/roles writes and Keystone's implied roles, over the Keystone service on FakeKube.
import assert from 'node:assert/strict';
import type { Role, RoleAssignment } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import { until } from '../auth/identity-fixture.js';
import { assignmentWorld, D1, messageOf, type AssignmentWorld } from './assignment-fixture.js';

describe('Keystone roles', () => {
  let w: AssignmentWorld;
  before(async () => {
    w = await assignmentWorld();
  });
  after(() => w.close());

  const create = (role: object) => w.api('POST', 'roles', { role });
  const roleNames = async (query = ''): Promise<string[]> => ((await w.api('GET', `roles${query}`)).body.roles as { name: string }[]).map((r) => r.name);

  describe('create, update, delete', () => {
    it('When an admin creates a role then 201 with Keystone’s role document, and it is listed', async () => {
      const res = await create({ name: 'auditor', description: 'reads logs', options: {} });
      assert.equal(res.status, 201);
      const { id } = res.body.role;
      assert.match(id, /^[0-9a-f]{32}$/);
      assert.deepEqual(res.body.role, { id, name: 'auditor', domain_id: null, description: 'reads logs', options: {}, links: { self: `${w.url}/identity/v3/roles/${id}` } });
      assert.ok((await roleNames()).includes('auditor'));
      assert.deepEqual((await w.api('GET', `roles/${id}`)).body.role, res.body.role);
    });

    const invalid = [
      { name: 'an empty name', role: { name: '' } },
      { name: 'a name of spaces only', role: { name: '   ' } },
      { name: 'an unknown option', role: { name: 'x1', options: { sticky: true } } },
      { name: 'a non-boolean immutable', role: { name: 'x2', options: { immutable: 'yes' } } },
      { name: 'no name', role: { description: 'nameless' } },
    ];
    for (const c of invalid) {
      it(`When a role is created with ${c.name} then 400`, async () => {
        assert.equal((await create(c.role)).status, 400);
      });
    }

    it('When a global name is taken (by a role made through the API or by a seeded one) then 409 in Keystone’s words', async () => {
      await create({ name: 'taken' });
      const again = await create({ name: 'taken' });
      assert.equal(again.status, 409);
      assert.equal(messageOf(again), 'Conflict occurred attempting to store role - Duplicate entry found with name taken.');
      assert.equal((await create({ name: 'member' })).status, 409);
    });

    it('When the same name is used in a domain then it is another role, listed only with that domain_id', async () => {
      const res = await create({ name: 'taken', domain_id: D1 });
      assert.equal(res.status, 201);
      assert.equal(res.body.role.domain_id, D1);
      const dup = await create({ name: 'taken', domain_id: D1 });
      assert.equal(dup.status, 409);
      assert.equal(messageOf(dup), `Conflict occurred attempting to store role - Duplicate entry found with name taken at domain ID ${D1}.`);
      assert.deepEqual(await roleNames(`?domain_id=${D1}`), ['taken']);
      assert.equal((await roleNames()).filter((n) => n === 'taken').length, 1, 'global list: only the global one');
    });

    it('When concurrent creates ask for one name then exactly one is 201 and the rest 409', async () => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => create({ name: 'racer' })));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409]);
      assert.equal(w.stores.roles.list().filter((r) => r.spec.name === 'racer').length, 1);
    });

    it('When a role is renamed then 200, the old name is free and a taken new name is 409', async () => {
      const { id } = (await create({ name: 'old-name' })).body.role;
      const renamed = await w.api('PATCH', `roles/${id}`, { role: { name: 'new-name', description: 'd' } });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.role.name, 'new-name');
      assert.equal(renamed.body.role.description, 'd');
      assert.equal((await create({ name: 'old-name' })).status, 201);
      const clash = await w.api('PATCH', `roles/${id}`, { role: { name: 'old-name' } });
      assert.equal(clash.status, 409);
      assert.equal((await w.api('GET', `roles/${id}`)).body.role.name, 'new-name');
    });

    it('When an update changes domain_id or id then 400 with Keystone’s message; an unknown role is 404', async () => {
      const { id } = (await create({ name: 'fixed' })).body.role;
      const moved = await w.api('PATCH', `roles/${id}`, { role: { domain_id: D1 } });
      assert.equal(moved.status, 400);
      assert.equal(messageOf(moved), 'Update of `domain_id` is not allowed.');
      const reId = await w.api('PATCH', `roles/${id}`, { role: { id: 'other' } });
      assert.equal(reId.status, 400);
      assert.equal(messageOf(reId), 'Cannot change ID');
      const missing = await w.api('PATCH', 'roles/nope', { role: { name: 'x' } });
      assert.equal(missing.status, 404);
      assert.equal(messageOf(missing), 'Could not find role: nope.');
    });

    it('When a role is immutable then updates but clearing the option and deletion are 403; cleared, it can go', async () => {
      const made = await create({ name: 'frozen', options: { immutable: true } });
      const { id } = made.body.role;
      assert.deepEqual(made.body.role.options, { immutable: true });
      const rename = await w.api('PATCH', `roles/${id}`, { role: { name: 'thawed' } });
      assert.equal(rename.status, 403);
      assert.equal(messageOf(rename), `Unable to update immutable role resource: \`${id}. Set resource option "immutable" to false first.`);
      assert.equal((await w.api('PATCH', `roles/${id}`, { role: { name: 'x', options: { immutable: false } } })).status, 403);
      const del = await w.api('DELETE', `roles/${id}`);
      assert.equal(del.status, 403);
      assert.equal(messageOf(del), `Unable to delete immutable role resource: \`${id}. Set resource option "immutable" to false first.`);
      const cleared = await w.api('PATCH', `roles/${id}`, { role: { options: { immutable: false } } });
      assert.equal(cleared.status, 200);
      assert.deepEqual(cleared.body.role.options, { immutable: false });
      assert.equal((await w.api('DELETE', `roles/${id}`)).status, 204);
      assert.equal((await w.api('GET', `roles/${id}`)).status, 404);
    });

    it('When a role is deleted then its assignments go, other roles stop implying it, and its name is free', async () => {
      const { id } = (await create({ name: 'doomed' })).body.role;
      const prior = (await create({ name: 'prior-of-doomed' })).body.role.id as string;
      assert.equal((await w.api('PUT', `roles/${prior}/implies/${id}`)).status, 201);
      assert.equal((await w.api('PUT', `projects/${w.ids.projects.demo}/users/${w.ids.users.carol}/roles/${id}`)).status, 204);
      assert.equal((await w.api('DELETE', `roles/${id}`)).status, 204);
      assert.equal(w.stores.roleAssignments.list().filter((a: RoleAssignment) => a.spec.roleId === id).length, 0);
      await until(() => !(w.stores.roles.get(prior)?.spec.implies ?? []).includes(id), 'the implication to go');
      assert.deepEqual((await w.api('GET', `roles/${prior}/implies`)).body.role_inference.implies, []);
      assert.equal((await create({ name: 'doomed' })).status, 201);
    });

    it('When a non-admin writes roles then 403', async () => {
      const alice = (await w.login('alice')).token!;
      assert.equal((await w.api('POST', 'roles', { role: { name: 'mine' } }, alice)).status, 403);
      assert.equal((await w.api('DELETE', `roles/${w.ids.roles.member}`, undefined, alice)).status, 403);
    });
  });

  describe('implied roles', () => {
    const ids: Record<string, string> = {};
    before(async () => {
      for (const name of ['r0', 'r1', 'r2', 'r3']) ids[name] = (await create({ name })).body.role.id;
      for (const name of ['dr1', 'dr2']) ids[name] = (await create({ name, domain_id: D1 })).body.role.id;
    });
    const rule = (prior: string, implied: string): string => `roles/${ids[prior] ?? prior}/implies/${ids[implied] ?? implied}`;

    it('When a rule is made then 201 with both roles, HEAD is 204, GET shows it and a second PUT is 409', async () => {
      const made = await w.api('PUT', rule('r0', 'r1'));
      assert.equal(made.status, 201);
      const self = (id: string): { self: string } => ({ self: `${w.url}/identity/v3/roles/${id}` });
      assert.deepEqual(made.body, {
        role_inference: { prior_role: { id: ids.r0, name: 'r0', links: self(ids.r0) }, implies: { id: ids.r1, name: 'r1', links: self(ids.r1) } },
        links: { self: `${w.url}/identity/v3/${rule('r0', 'r1')}` },
      });
      assert.equal((await w.api('HEAD', rule('r0', 'r1'))).status, 204);
      assert.deepEqual((await w.api('GET', rule('r0', 'r1'))).body, made.body);
      const dup = await w.api('PUT', rule('r0', 'r1'));
      assert.equal(dup.status, 409);
      assert.equal(messageOf(dup), 'Conflict occurred attempting to store implied_role - Duplicate entry.');
    });

    it('When a prior role has rules then /implies lists its direct ones and /v3/role_inferences every rule', async () => {
      await w.api('PUT', rule('r0', 'r2'));
      await w.api('PUT', rule('r2', 'r3'));
      const mine = (await w.api('GET', `roles/${ids.r0}/implies`)).body.role_inference;
      assert.equal(mine.prior_role.id, ids.r0);
      assert.deepEqual(mine.implies.map((r: { id: string }) => r.id).sort(), [ids.r1, ids.r2].sort());
      const all = (await w.api('GET', 'role_inferences')).body.role_inferences as { prior_role: { id: string }; implies: { id: string }[] }[];
      const of = (id: string): string[] | undefined => all.find((r) => r.prior_role.id === id)?.implies.map((i) => i.id).sort();
      assert.deepEqual(of(ids.r0), [ids.r1, ids.r2].sort());
      assert.deepEqual(of(ids.r2), [ids.r3]);
    });

    it('When a rule is deleted then 204, and it is 404 after with Keystone’s message', async () => {
      await w.api('PUT', rule('r1', 'r3'));
      assert.equal((await w.api('DELETE', rule('r1', 'r3'))).status, 204);
      const gone = await w.api('GET', rule('r1', 'r3'));
      assert.equal(gone.status, 404);
      assert.equal(messageOf(gone), `${ids.r1} does not imply ${ids.r3}.`);
      assert.equal((await w.api('HEAD', rule('r1', 'r3'))).status, 404);
      assert.equal((await w.api('DELETE', rule('r1', 'r3'))).status, 404);
    });

    const refused = [
      { name: 'the prior role is unknown', prior: 'no-such', implied: 'r1', status: 404, message: 'Could not find role: no-such.' },
      { name: 'the implied role is unknown', prior: 'r1', implied: 'no-such', status: 404, message: 'Could not find role: no-such.' },
      { name: 'a global role implies a domain-specific one', prior: 'r1', implied: 'dr1', status: 403, message: 'Global role cannot imply a domain-specific role' },
    ];
    for (const c of refused) {
      it(`When ${c.name} then ${c.status}`, async () => {
        const res = await w.api('PUT', rule(c.prior, c.implied));
        assert.equal(res.status, c.status);
        assert.equal(messageOf(res), c.message);
      });
    }

    it('When admin is to be implied then 403 (Keystone’s prohibited_implied_role)', async () => {
      const res = await w.api('PUT', `roles/${ids.r1}/implies/${w.ids.roles.admin}`);
      assert.equal(res.status, 403);
      assert.equal(messageOf(res), `${w.ids.roles.admin} cannot be an implied roles.`);
    });

    it('When a domain-specific role implies another domain’s role or a global one then 201', async () => {
      assert.equal((await w.api('PUT', rule('dr1', 'dr2'))).status, 201);
      assert.equal((await w.api('PUT', rule('dr1', 'r3'))).status, 201);
    });

    it('When rules on one prior are made concurrently then every one lands (resourceVersion-guarded update)', async () => {
      const implied = await Promise.all(Array.from({ length: 5 }, (_, i) => create({ name: `many-${i}` })));
      const answers = await Promise.all(implied.map((r) => w.api('PUT', `roles/${ids.r3}/implies/${r.body.role.id}`)));
      assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201, 201]);
      const live = await w.kube.get<Role>(Resources.Role, ids.r3);
      assert.deepEqual([...(live?.spec.implies ?? [])].sort(), implied.map((r) => r.body.role.id as string).sort());
    });
  });
});
