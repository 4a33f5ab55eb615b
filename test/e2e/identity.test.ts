// Keystone's identity resources with Debian's openstack CLI against the real cluster: domains
// (disabled before deleted), projects (a hierarchy, set, delete; the Namespace comes and goes;
// a project still owning a volume is refused with a message naming it), users (create, set, the
// user's own password change revoking its earlier token, delete) and groups with membership.
import assert from 'node:assert/strict';
import { run } from '../../hack/lib/exec.js';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

const ADMIN = 'openstack-sim';
const DEMO = 'openstack-sim-demo';

interface Named {
  id: string;
  name: string;
}

/** The CLI as a user with no clouds.yaml entry: credentials on the command line. */
async function asUser(user: string, password: string, project: string, args: string[]): Promise<string> {
  const s = await e2eStack();
  const auth = ['--os-auth-url', s.authUrl, '--os-identity-api-version', '3', '--os-username', user, '--os-password', password, '--os-user-domain-name', 'Default', '--os-project-name', project, '--os-project-domain-name', 'Default'];
  return run('openstack', [...auth, ...args], { quiet: true, env: { ...process.env, OS_CLIENT_CONFIG_FILE: '/dev/null' } });
}

async function withToken(token: string, project: string, args: string[]): Promise<string> {
  const s = await e2eStack();
  return run('openstack', ['--os-auth-url', s.authUrl, '--os-identity-api-version', '3', '--os-auth-type', 'token', '--os-token', token, '--os-project-id', project, ...args], { quiet: true, env: { ...process.env, OS_CLIENT_CONFIG_FILE: '/dev/null' } });
}

/** A role grant written as the CR (the grant API is tested with the assignments). */
async function grant(userId: string, projectId: string, roleName: string): Promise<void> {
  const roles = await openstackJson<{ ID: string; Name: string }[]>(ADMIN, ['role', 'list']);
  const roleId = roles.find((r) => r.Name === roleName)!.ID;
  const cr = { apiVersion: 'openstack.sim/v1alpha1', kind: 'RoleAssignment', metadata: { name: `${projectId}.${userId}.${roleId}` }, spec: { userId, projectId, roleId } };
  const s = await e2eStack();
  await run('sh', ['-c', `echo '${JSON.stringify(cr)}' | ${s.toolsBin}/kubectl --kubeconfig ${s.kubeconfig} apply -f -`], { quiet: true });
}

const namespaceGone = async (ns: string): Promise<true | undefined> => {
  const out = await kubectl(['get', 'ns', ns, '-o', 'jsonpath={.status.phase}', '--ignore-not-found']);
  return out === '' || out === 'Terminating' ? true : undefined;
};

describe('openstack domain, project, user and group (real CLI, real cluster)', function () {
  this.timeout(300_000);
  const stamp = Date.now().toString(36);
  const made: { projects: string[]; users: string[]; groups: string[]; domains: string[] } = { projects: [], users: [], groups: [], domains: [] };

  before(async () => {
    await e2eStack();
  });
  after(async () => {
    for (const g of made.groups) await openstack(ADMIN, ['group', 'delete', g]).catch(() => undefined);
    for (const u of made.users) await openstack(ADMIN, ['user', 'delete', u]).catch(() => undefined);
    for (const p of made.projects.reverse()) await openstack(ADMIN, ['project', 'delete', p]).catch(() => undefined);
    for (const d of made.domains) {
      await openstack(ADMIN, ['domain', 'set', '--disable', d]).catch(() => undefined);
      await openstack(ADMIN, ['domain', 'delete', d]).catch(() => undefined);
    }
  });

  it('When a domain is created, refused deletion while enabled, then disabled and deleted, then it is gone', async () => {
    const d = await openstackJson<Named & { enabled: boolean }>(ADMIN, ['domain', 'create', '--description', 'e2e', `e2e-dom-${stamp}`]);
    made.domains.push(d.id);
    assert.equal(d.enabled, true);
    await assert.rejects(openstack(ADMIN, ['domain', 'create', `e2e-dom-${stamp}`]), /409|Duplicate|already exists/i);
    await assert.rejects(openstack(ADMIN, ['domain', 'delete', d.id]), /please disable it first/);
    await openstack(ADMIN, ['domain', 'set', '--description', 'changed', '--disable', d.id]);
    const shown = await openstackJson<{ description: string; enabled: boolean }>(ADMIN, ['domain', 'show', d.id]);
    assert.deepEqual([shown.description, shown.enabled], ['changed', false]);
    await openstack(ADMIN, ['domain', 'delete', d.id]);
    await assert.rejects(openstack(ADMIN, ['domain', 'show', d.id]), /No domain|404|Could not find/i);
  });

  it('When projects are created with --parent and set, then the hierarchy shows, the Namespace appears, and deleting child then parent removes both', async () => {
    const parent = await openstackJson<Named>(ADMIN, ['project', 'create', '--description', 'top', `e2e-top-${stamp}`]);
    made.projects.push(parent.id);
    const child = await openstackJson<Named & { parent_id: string }>(ADMIN, ['project', 'create', '--parent', parent.id, `e2e-child-${stamp}`]);
    made.projects.push(child.id);
    assert.equal(child.parent_id, parent.id);
    await assert.rejects(openstack(ADMIN, ['project', 'create', `e2e-top-${stamp}`]), /409|Duplicate/i);
    await openstack(ADMIN, ['project', 'set', '--description', 'renamed', '--name', `e2e-top2-${stamp}`, '--tag', 'blue', parent.id]);
    const shown = await openstackJson<{ name: string; description: string; tags: string[] }>(ADMIN, ['project', 'show', parent.id]);
    assert.deepEqual([shown.name, shown.description, shown.tags], [`e2e-top2-${stamp}`, 'renamed', ['blue']]);
    const ns = `os-${child.id}`;
    await until(`namespace ${ns}`, async () => ((await kubectl(['get', 'ns', ns, '--ignore-not-found', '-o', 'name'])) ? true : undefined), 60_000);
    await assert.rejects(openstack(ADMIN, ['project', 'delete', parent.id]), /not a leaf/);
    await openstack(ADMIN, ['project', 'delete', child.id]);
    await openstack(ADMIN, ['project', 'delete', parent.id]);
    await until(`namespace ${ns} to go`, () => namespaceGone(ns), 60_000);
    await assert.rejects(openstack(ADMIN, ['project', 'show', child.id]), /No project|404|Could not find/i);
  });

  it('When a project that still owns a volume is deleted, then the CLI shows the refusal naming it, and the project stays', async () => {
    const vol = await openstackJson<Named>(DEMO, ['volume', 'create', '--size', '1', `e2e-keep-${stamp}`]);
    try {
      const err = await openstack(ADMIN, ['project', 'delete', 'demo']).then(() => '', (e: Error) => e.message);
      assert.match(err, /Project demo still owns [^;]*\d+ volumes?[^;]*; delete them first, or run the API server with --project-delete-mode=cascade\./);
      assert.equal((await openstackJson<Named>(ADMIN, ['project', 'show', 'demo'])).name, 'demo');
    } finally {
      await until('the volume to settle', async () => ((await openstackJson<{ status: string }>(DEMO, ['volume', 'show', vol.id])).status === 'creating' ? undefined : true), 60_000).catch(() => undefined);
      await openstack(DEMO, ['volume', 'delete', vol.id]).catch(() => undefined);
    }
  });

  it('When a user is created, set, changes its own password and is deleted, then its old token fails after the change', async () => {
    const project = await openstackJson<Named>(ADMIN, ['project', 'create', `e2e-uproj-${stamp}`]);
    made.projects.push(project.id);
    const name = `e2e-user-${stamp}`;
    const user = await openstackJson<Named & { email?: string }>(ADMIN, ['user', 'create', '--password', 'first-Pw1', '--project', project.id, '--email', 'e2e@example.org', name]);
    made.users.push(user.id);
    assert.equal(user.email, 'e2e@example.org');
    await assert.rejects(openstack(ADMIN, ['user', 'create', '--password', 'x', name]), /409|Duplicate/i);
    await openstack(ADMIN, ['user', 'set', '--description', 'tester', '--email', 'new@example.org', user.id]);
    assert.equal((await openstackJson<{ description: string }>(ADMIN, ['user', 'show', user.id])).description, 'tester');
    await grant(user.id, project.id, 'member');
    const old = JSON.parse(await until('the grant to reach the API', () => asUser(name, 'first-Pw1', project.name, ['token', 'issue', '-f', 'json']).catch(() => undefined), 30_000)) as { id: string };
    // Tokens carry whole seconds: the change must come in a later second than the old token.
    await new Promise((r) => setTimeout(r, 1_100));
    await assert.rejects(asUser(name, 'first-Pw1', project.name, ['user', 'password', 'set', '--original-password', 'wrong', '--password', 'second-Pw2']), /401|authenticat/i);
    await asUser(name, 'first-Pw1', project.name, ['user', 'password', 'set', '--original-password', 'first-Pw1', '--password', 'second-Pw2']);
    await assert.rejects(withToken(old.id, project.id, ['project', 'show', project.id]), /401|authenticat|Unauthorized/i);
    await assert.rejects(asUser(name, 'first-Pw1', project.name, ['token', 'issue']), /401|authenticat/i);
    assert.ok((await asUser(name, 'second-Pw2', project.name, ['token', 'issue', '-f', 'json'])).includes('"id"'));
    await openstack(ADMIN, ['user', 'delete', user.id]);
    await assert.rejects(asUser(name, 'second-Pw2', project.name, ['token', 'issue']), /401|authenticat/i);
  });

  it('When a group is created, set, given a member, checked and emptied, then the CLI agrees at each step and the group goes', async () => {
    const group = await openstackJson<Named>(ADMIN, ['group', 'create', '--description', 'e2e', `e2e-grp-${stamp}`]);
    made.groups.push(group.id);
    await openstack(ADMIN, ['group', 'set', '--description', 'ops', group.id]);
    assert.equal((await openstackJson<{ description: string }>(ADMIN, ['group', 'show', group.id])).description, 'ops');
    await openstack(ADMIN, ['group', 'add', 'user', group.id, 'demo']);
    assert.match(await openstack(ADMIN, ['group', 'contains', 'user', group.id, 'demo']), /^demo in group /);
    const members = await openstackJson<{ Name: string }[]>(ADMIN, ['user', 'list', '--group', group.id]);
    assert.deepEqual(members.map((m) => m.Name), ['demo']);
    await openstack(ADMIN, ['group', 'remove', 'user', group.id, 'demo']);
    // "demo not in group" goes to stderr; stdout says nothing.
    assert.equal((await openstack(ADMIN, ['group', 'contains', 'user', group.id, 'demo'])).trim(), '');
    await openstack(ADMIN, ['group', 'delete', group.id]);
    await assert.rejects(openstack(ADMIN, ['group', 'show', group.id]), /No group|404|Could not find/i);
  });
});
