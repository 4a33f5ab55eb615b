// Keystone's roles and assignments with Debian's openstack CLI against the real cluster: role
// create/set/delete (global and domain roles), role add/remove for a user and a group on a
// project, a user on a domain and an inherited domain role, role assignment list --effective
// --names (the group-derived and inherited lines), implied role create/list/delete, and a group's
// member role that gives its user a project token and Nova, lost with the membership.
import assert from 'node:assert/strict';
import { run } from '../../hack/lib/exec.js';
import { e2eStack, openstack, openstackJson } from './support/stack.js';

const ADMIN = 'openstack-sim';

interface Row {
  Role: string;
  User: string;
  Group: string;
  Project: string;
  Domain: string;
  System: string;
  Inherited: boolean;
}

/** The CLI as a user with no clouds.yaml entry: a password login scoped to the project. */
async function asUser(user: string, password: string, project: string, args: string[]): Promise<string> {
  const s = await e2eStack();
  const auth = ['--os-auth-url', s.authUrl, '--os-identity-api-version', '3', '--os-username', user, '--os-password', password, '--os-user-domain-name', 'Default', '--os-project-name', project, '--os-project-domain-name', 'Default'];
  return run('openstack', [...auth, ...args], { quiet: true, env: { ...process.env, OS_CLIENT_CONFIG_FILE: '/dev/null' } });
}

/** The CLI with a token already issued. */
async function withToken(token: string, projectId: string, args: string[]): Promise<string> {
  const s = await e2eStack();
  const auth = ['--os-auth-url', s.authUrl, '--os-identity-api-version', '3', '--os-auth-type', 'token', '--os-token', token, '--os-project-id', projectId];
  return run('openstack', [...auth, ...args], { quiet: true, env: { ...process.env, OS_CLIENT_CONFIG_FILE: '/dev/null' } });
}

const rows = (args: string[]): Promise<Row[]> => openstackJson<Row[]>(ADMIN, ['role', 'assignment', 'list', ...args]);

describe('openstack role, role add/remove, role assignment list and implied role (real CLI, real cluster)', function () {
  this.timeout(600_000);
  const stamp = Date.now().toString(36);
  const [project, user, group, password] = [`e2e-roles-p-${stamp}`, `e2e-roles-u-${stamp}`, `e2e-roles-g-${stamp}`, `pw-${stamp}`];
  const roles: string[] = [];
  const at = (name: string): string => `${name}@Default`;

  before(async () => {
    await e2eStack();
    await openstack(ADMIN, ['project', 'create', '--domain', 'default', project]);
    await openstack(ADMIN, ['user', 'create', '--domain', 'default', '--password', password, user]);
    await openstack(ADMIN, ['group', 'create', '--domain', 'default', group]);
    await openstack(ADMIN, ['group', 'add', 'user', group, user]);
  });
  after(async () => {
    for (const r of roles) await openstack(ADMIN, ['role', 'delete', r]).catch(() => undefined);
    await openstack(ADMIN, ['group', 'delete', group]).catch(() => undefined);
    await openstack(ADMIN, ['user', 'delete', user]).catch(() => undefined);
    await openstack(ADMIN, ['project', 'delete', project]).catch(() => undefined);
  });

  it('When a role is created, renamed and deleted, then show follows it, a taken name is refused, and a domain role is listed with its domain', async () => {
    const made = await openstackJson<{ id: string; name: string; domain_id: string | null }>(ADMIN, ['role', 'create', `e2e-r-${stamp}`]);
    assert.equal(made.name, `e2e-r-${stamp}`);
    await openstack(ADMIN, ['role', 'set', '--name', `e2e-r2-${stamp}`, made.id]);
    assert.equal((await openstackJson<{ id: string; name: string }>(ADMIN, ['role', 'show', `e2e-r2-${stamp}`])).id, made.id);
    await assert.rejects(openstack(ADMIN, ['role', 'create', `e2e-r2-${stamp}`]), /409|Conflict|Duplicate/);
    await openstack(ADMIN, ['role', 'delete', `e2e-r2-${stamp}`]);
    await assert.rejects(openstack(ADMIN, ['role', 'show', made.id]), /No role with a name or ID|404|Could not find/);
    const domainRole = await openstackJson<{ id: string; domain_id: string }>(ADMIN, ['role', 'create', '--domain', 'default', `e2e-dr-${stamp}`]);
    roles.push(domainRole.id);
    assert.equal(domainRole.domain_id, 'default');
    const listed = await openstackJson<{ Name: string }[]>(ADMIN, ['role', 'list', '--domain', 'default']);
    assert.deepEqual(listed.map((r) => r.Name).filter((n) => n.startsWith('e2e-dr-')), [`e2e-dr-${stamp}`]);
  });

  it('When member is added to the user on the project and removed, then the assignment list shows it by name, then not', async () => {
    await openstack(ADMIN, ['role', 'add', '--user', user, '--project', project, 'member']);
    const named = await rows(['--user', user, '--project', project, '--names']);
    assert.deepEqual(named.map((r) => [r.Role, r.User, r.Project, r.Inherited]), [['member', at(user), at(project), false]]);
    await openstack(ADMIN, ['role', 'remove', '--user', user, '--project', project, 'member']);
    assert.deepEqual(await rows(['--user', user, '--project', project]), []);
  });

  it('When the group holds member on the project, then the user gets a project token and lists servers, and loses both with the membership', async () => {
    await openstack(ADMIN, ['role', 'add', '--group', group, '--project', project, 'member']);
    const token = JSON.parse(await asUser(user, password, project, ['token', 'issue', '-f', 'json'])) as { id: string; project_id: string };
    assert.equal(JSON.parse(await asUser(user, password, project, ['server', 'list', '-f', 'json'])).length, 0);
    const effective = await rows(['--effective', '--names', '--user', user]);
    assert.ok(effective.some((r) => r.Role === 'member' && r.User === at(user) && r.Project === at(project) && r.Group === ''), JSON.stringify(effective));
    assert.ok(effective.some((r) => r.Role === 'reader' && r.Project === at(project)), `member implies reader: ${JSON.stringify(effective)}`);
    await openstack(ADMIN, ['group', 'remove', 'user', group, user]);
    await assert.rejects(withToken(token.id, token.project_id, ['server', 'list']), /401|authenticat/i);
    await assert.rejects(asUser(user, password, project, ['server', 'list']), /401|authenticat/i);
    await openstack(ADMIN, ['group', 'add', 'user', group, user]);
    await openstack(ADMIN, ['role', 'remove', '--group', group, '--project', project, 'member']);
  });

  it('When a role is on the domain and another inherited from it, then the lists show the domain line, the inherited line and its effective projects', async () => {
    await openstack(ADMIN, ['role', 'add', '--user', user, '--domain', 'default', 'reader']);
    await openstack(ADMIN, ['role', 'add', '--user', user, '--domain', 'default', '--inherited', 'member']);
    const direct = await rows(['--user', user, '--names']);
    assert.ok(direct.some((r) => r.Role === 'reader' && r.Domain === 'Default' && !r.Inherited), JSON.stringify(direct));
    assert.ok(direct.some((r) => r.Role === 'member' && r.Domain === 'Default' && r.Inherited), JSON.stringify(direct));
    const effective = await rows(['--effective', '--names', '--user', user]);
    assert.ok(effective.some((r) => r.Role === 'member' && r.Project === at(project) && r.Inherited), JSON.stringify(effective));
    assert.ok(!effective.some((r) => r.Role === 'member' && r.Domain === 'Default'), 'an inherited role is not on the domain itself');
    // The inherited role alone lets the user into the domain's project.
    assert.equal(JSON.parse(await asUser(user, password, project, ['server', 'list', '-f', 'json'])).length, 0);
    await openstack(ADMIN, ['role', 'remove', '--user', user, '--domain', 'default', '--inherited', 'member']);
    await openstack(ADMIN, ['role', 'remove', '--user', user, '--domain', 'default', 'reader']);
    assert.deepEqual(await rows(['--user', user]), []);
  });

  it('When an implied role is created, then it is listed, effective assignments carry it, and it can be deleted', async () => {
    const prior = await openstackJson<{ id: string }>(ADMIN, ['role', 'create', `e2e-prior-${stamp}`]);
    const implied = await openstackJson<{ id: string }>(ADMIN, ['role', 'create', `e2e-implied-${stamp}`]);
    roles.push(prior.id, implied.id);
    const rule = await openstackJson<{ implies: string; prior_role: string }>(ADMIN, ['implied', 'role', 'create', `e2e-prior-${stamp}`, '--implied-role', `e2e-implied-${stamp}`]);
    assert.deepEqual(rule, { implies: implied.id, prior_role: prior.id });
    const listed = await openstackJson<{ 'Prior Role Name': string; 'Implied Role Name': string }[]>(ADMIN, ['implied', 'role', 'list']);
    assert.ok(listed.some((r) => r['Prior Role Name'] === `e2e-prior-${stamp}` && r['Implied Role Name'] === `e2e-implied-${stamp}`));
    assert.ok(listed.some((r) => r['Prior Role Name'] === 'member' && r['Implied Role Name'] === 'reader'), 'the seeded hierarchy');
    await openstack(ADMIN, ['role', 'add', '--user', user, '--project', project, `e2e-prior-${stamp}`]);
    const effective = await rows(['--effective', '--names', '--user', user, '--project', project]);
    assert.deepEqual(effective.map((r) => r.Role).sort(), [`e2e-implied-${stamp}`, `e2e-prior-${stamp}`]);
    await assert.rejects(openstack(ADMIN, ['implied', 'role', 'create', `e2e-prior-${stamp}`, '--implied-role', `e2e-implied-${stamp}`]), /409|Conflict/);
    await openstack(ADMIN, ['implied', 'role', 'delete', `e2e-prior-${stamp}`, '--implied-role', `e2e-implied-${stamp}`]);
    assert.deepEqual((await rows(['--effective', '--names', '--user', user, '--project', project])).map((r) => r.Role), [`e2e-prior-${stamp}`]);
    await openstack(ADMIN, ['role', 'remove', '--user', user, '--project', project, `e2e-prior-${stamp}`]);
  });
});
