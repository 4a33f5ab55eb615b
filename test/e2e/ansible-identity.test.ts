// Ansible's openstack.cloud 2.x collection with openstacksdk from PyPI (the virtual environment of
// test/e2e/ansible.test.ts) on Keystone and the quotas: test/e2e/ansible-identity/identity.yml,
// as the admin, makes a domain, a project, a user, a global and a domain role, a group with the
// user in it, role assignments on the project, the domain and the system, and the project's
// compute, network and volume quotas. Issue 9 asks that project, identity_user, identity_role,
// role_assignment and quota be idempotent: a second run (and a --check run) changes nothing; a
// second edition of the play updates exactly the modules whose attributes differ, then is
// idempotent in turn; quota state=absent puts the defaults back; the teardown removes everything
// and its second run changes nothing. The state is read back with the Debian openstack CLI.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run } from '../../hack/lib/exec.js';
import { e2eStack, kubectl, openstack, openstackJson } from './support/stack.js';
import { ensureVenv } from './support/venv.js';

const ADMIN = 'openstack-sim';
const HERE = join(import.meta.dirname, 'ansible-identity');
const PASSWORD = 'Ansible-made-1';
/** The tasks of the present play that make something (a loop counts once, as Ansible's recap does). */
const BUILD_TASKS = ['domain', 'project', 'role', 'domain role', 'user', 'group', 'membership', 'project grants', 'domain grant', 'system grant', 'quotas'];
/** The tasks whose attributes differ in the play's second edition. */
const EDITION_2_TASKS = ['domain', 'project', 'role', 'domain role', 'user', 'group', 'quotas'];
/** The quota fields the play sets, as `openstack quota show` names them, with the play's values. */
const QUOTAS: Record<string, number> = {
  instances: 7, cores: 13, ram: 12288, 'key-pairs': 9, 'server-groups': 4, 'server-group-members': 3, properties: 64, 'injected-files': 2,
  volumes: 5, gigabytes: 50, snapshots: 6, 'per-volume-gigabytes': 20, backups: 4, 'backup-gigabytes': 40, groups: 3,
  networks: 4, subnets: 8, ports: 23, routers: 3, 'floating-ips': 2, secgroups: 6, 'secgroup-rules': 40, subnet_pools: 2, rbac_policies: 5,
};

interface PlayRun { recap: Record<string, number>; changedTasks: string[] }
interface Assignment { Role: string; User: string; Group: string; Project: string; Domain: string; System: string; Inherited: boolean }

/** The PLAY RECAP counters of localhost, and the names of the tasks that reported a change. */
function parsePlay(output: string): PlayRun {
  const line = output.split('\n').find((l) => /^localhost\s+:/.test(l));
  assert.ok(line, `no recap in:\n${output.slice(-2000)}`);
  const changedTasks: string[] = [];
  let task = '';
  for (const l of output.split('\n')) {
    const name = /^TASK \[(.+)\]/.exec(l)?.[1];
    if (name) task = name;
    else if (/^changed: \[localhost\]/.test(l) && changedTasks.at(-1) !== task) changedTasks.push(task);
  }
  return { recap: Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])])), changedTasks };
}

/** Only the quota fields the play sets, from `openstack quota show`. */
function playQuotas(shown: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(QUOTAS).map((k) => [k, shown[k]]));
}

describe('Ansible openstack.cloud identity and quotas (real collection and SDK, real cluster)', function () {
  this.timeout(900_000);
  const prefix = `ansi${Date.now().toString(36)}`;
  const [domain, project, user, group, role, domainRole] = ['dom', 'proj', 'user', 'group', 'role', 'drole'].map((s) => `${prefix}-${s}`);
  let playbook: (extra: string[]) => Promise<PlayRun>;
  let authUrl = '';
  const assignments = (scope: string[]): Promise<Assignment[]> => openstackJson<Assignment[]>(ADMIN, ['role', 'assignment', 'list', '--names', ...scope]);
  const sorted = (rows: Assignment[]): string[] => rows.map((r) => [r.Role, r.User || r.Group, r.Project || r.Domain || r.System].join(' ')).sort();

  before(async () => {
    const s = await e2eStack();
    authUrl = s.authUrl;
    const venv = await ensureVenv('ansible', join(HERE, '..', 'ansible', 'requirements.txt'));
    const env = { ...process.env, OS_CLIENT_CONFIG_FILE: s.cloudsYaml, ANSIBLE_LOCALHOST_WARNING: 'false', ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false', ANSIBLE_NOCOLOR: '1', ANSIBLE_HOME: join(venv, 'ansible-home') };
    const vars = ['-e', `ansible_python_interpreter=${join(venv, 'bin', 'python')}`, '-e', `prefix=${prefix}`, '-e', `password=${PASSWORD}`];
    playbook = async (extra) => parsePlay(await run(join(venv, 'bin', 'ansible-playbook'), ['-i', 'localhost,', ...vars, ...extra, join(HERE, 'identity.yml')], { quiet: true, env }));
  });

  after(async () => {
    if (playbook) await playbook(['-e', 'state=absent']).catch(() => undefined);
  });

  it('When the play runs, then every module makes its resource and the openstack CLI shows them as the play describes them', async () => {
    const first = await playbook([]);
    assert.deepEqual([first.recap.failed, first.changedTasks], [0, BUILD_TASKS], JSON.stringify(first.recap));
    const dom = await openstackJson<{ id: string; description: string; enabled: boolean }>(ADMIN, ['domain', 'show', domain]);
    assert.deepEqual([dom.description, dom.enabled], ["Ansible's domain, edition 1", true]);
    const proj = await openstackJson<Record<string, unknown>>(ADMIN, ['project', 'show', '--domain', domain, project]);
    assert.deepEqual([proj.description, proj.enabled, proj.domain_id, proj.cost_center], ["Ansible's project, edition 1", true, dom.id, '4711']);
    const u = await openstackJson<Record<string, unknown>>(ADMIN, ['user', 'show', '--domain', domain, user]);
    assert.deepEqual([u.email, u.description, u.enabled, u.domain_id, u.default_project_id], [`${user}+1@example.org`, "Ansible's user, edition 1", true, dom.id, proj.id]);
    const r = await openstackJson<{ description: string; domain_id: string | null }>(ADMIN, ['role', 'show', '--domain', domain, domainRole]);
    assert.deepEqual([r.description, r.domain_id], ["Ansible's domain role, edition 1", dom.id]);
    assert.match(await openstack(ADMIN, ['group', 'contains', 'user', '--group-domain', domain, '--user-domain', domain, group, user]), /in group/);
  });

  it('When the play has run, then the role assignments are on the project, the domain and the system, and the user logs in to the project with its password', async () => {
    assert.deepEqual(sorted(await assignments(['--project', project, '--project-domain', domain])), [
      `${domainRole} ${user}@${domain} ${project}@${domain}`, `${role} ${user}@${domain} ${project}@${domain}`,
      `member ${user}@${domain} ${project}@${domain}`, `reader ${group}@${domain} ${project}@${domain}`,
    ].sort());
    assert.deepEqual(sorted(await assignments(['--domain', domain])), [`${role} ${user}@${domain} ${domain}`]);
    assert.deepEqual(sorted(await assignments(['--system', 'all', '--user', user, '--user-domain', domain])), [`reader ${user}@${domain} all`]);
    const { OS_CLIENT_CONFIG_FILE: _clouds, ...shell } = process.env;
    const login = { ...shell, OS_AUTH_URL: authUrl, OS_IDENTITY_API_VERSION: '3', OS_USERNAME: user, OS_USER_DOMAIN_NAME: domain, OS_PASSWORD: PASSWORD, OS_PROJECT_NAME: project, OS_PROJECT_DOMAIN_NAME: domain };
    const token = JSON.parse(await run('openstack', ['token', 'issue', '-f', 'json'], { quiet: true, env: login })) as { project_id: string };
    assert.equal(token.project_id, (await openstackJson<{ id: string }>(ADMIN, ['project', 'show', '--domain', domain, project])).id);
  });

  it('When the play has run, then openstack quota show gives the project the compute, volume and network limits the play set', async () => {
    assert.deepEqual(playQuotas(await openstackJson<Record<string, unknown>>(ADMIN, ['quota', 'show', project])), QUOTAS);
  });

  it('When it runs again, and then in check mode, then nothing changes', async () => {
    const second = await playbook([]);
    assert.deepEqual([second.recap.failed, second.recap.changed, second.changedTasks], [0, 0, []], JSON.stringify(second.recap));
    const checked = await playbook(['--check']);
    assert.deepEqual([checked.recap.failed, checked.recap.changed, checked.changedTasks], [0, 0, []], JSON.stringify(checked.recap));
  });

  it('When the play\'s second edition runs, then only the resources whose attributes differ are updated, and running it again changes nothing', async () => {
    const checked = await playbook(['--check', '-e', 'edition=2']);
    assert.deepEqual([checked.recap.failed, checked.changedTasks], [0, EDITION_2_TASKS.filter((t) => t !== 'user')], 'identity_user has no check mode: it is skipped');
    const updated = await playbook(['-e', 'edition=2']);
    assert.deepEqual([updated.recap.failed, updated.changedTasks], [0, EDITION_2_TASKS], JSON.stringify(updated.recap));
    const proj = await openstackJson<Record<string, unknown>>(ADMIN, ['project', 'show', '--domain', domain, project]);
    const u = await openstackJson<Record<string, unknown>>(ADMIN, ['user', 'show', '--domain', domain, user]);
    const quota = await openstackJson<Record<string, unknown>>(ADMIN, ['quota', 'show', project]);
    assert.deepEqual([proj.description, proj.enabled, proj.cost_center], ["Ansible's project, edition 2", false, '4712']);
    assert.deepEqual([u.email, quota.instances, quota.cores], [`${user}+2@example.org`, -1, 13]);
    const again = await playbook(['-e', 'edition=2']);
    assert.deepEqual([again.recap.failed, again.recap.changed, again.changedTasks], [0, 0, []], JSON.stringify(again.recap));
  });

  it('When quota is run with state=absent, then the project\'s limits are the defaults again', async () => {
    const reset = await playbook(['-e', 'state=reset']);
    assert.deepEqual([reset.recap.failed, reset.changedTasks], [0, ['reset the quotas']]);
    const defaults = playQuotas(await openstackJson<Record<string, unknown>>(ADMIN, ['quota', 'show', '--default']));
    assert.notDeepEqual(defaults, QUOTAS);
    assert.deepEqual(playQuotas(await openstackJson<Record<string, unknown>>(ADMIN, ['quota', 'show', project])), defaults);
  });

  it('When the teardown runs, then nothing of it is left, and its second run changes nothing', async () => {
    const down = await playbook(['-e', 'state=absent']);
    assert.equal(down.recap.failed, 0);
    assert.ok(down.recap.changed >= 10, JSON.stringify(down.changedTasks));
    const named = async (kind: string): Promise<string[]> => (await openstackJson<{ Name: string }[]>(ADMIN, [kind, 'list'])).map((x) => x.Name).filter((n) => n.startsWith(prefix));
    assert.deepEqual(await Promise.all(['domain', 'project', 'user', 'group', 'role'].map(named)), [[], [], [], [], []]);
    const roleCrs = JSON.parse(await kubectl(['get', 'roles.openstack.sim', '-A', '-o', 'json'])) as { items: { spec: { name: string } }[] };
    assert.deepEqual(roleCrs.items.filter((i) => i.spec.name.startsWith(prefix)), [], 'the domain role is gone too');
    const grants = (await assignments([])).filter((a) => [a.User, a.Group, a.Role].some((n) => n.startsWith(prefix)));
    assert.deepEqual(grants, []);
    const again = await playbook(['-e', 'state=absent']);
    assert.deepEqual([again.recap.failed, again.recap.changed, again.changedTasks], [0, 0, []], JSON.stringify(again.recap));
  });
});
