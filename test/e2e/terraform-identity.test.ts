// Terraform's openstack provider (v3, built from the Go module proxy into the tools cache by
// hack/tools/build.sh --with-terraform-provider) on Keystone and the quotas: as the admin,
// test/e2e/terraform-identity/main.tf makes a project under a parent, a project acting as a
// domain, a user whose default project is the child (with an extra attribute and Keystone's user
// options), the member role granted to the user there and the child's Nova, Neutron and Cinder
// quotas; the user, logging in through a second provider once granted, makes its own application
// credential. A plan afterwards shows no changes and the state agrees with the openstack CLI;
// changed descriptions, tags and limits are updated in place; every resource imported afresh plans
// only what the provider cannot read back; destroy leaves nothing, and the quota APIs answer the
// deleted project's id with the defaults, as Nova, Neutron and Cinder do.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../hack/lib/exec.js';
import { terraformDir, type TerraformDir } from './support/terraform.js';
import { e2eStack, kubectl, openstack, openstackJson, tokenFor, until } from './support/stack.js';

const ADMIN = 'openstack-sim';

interface Outputs {
  parent_id: string; child_id: string; domain_id: string; user_id: string; role_id: string;
  credential_id: string; credential_secret: string;
}
interface StateResource { address: string; type: string; mode: string; values: Record<string, unknown> }
interface StateJson { values: { root_module: { resources: StateResource[] } } }
interface PlanJson { resource_changes: { address: string; change: { actions: string[]; before: Record<string, unknown>; after: Record<string, unknown> } }[] }

/** Each quota attribute of the three quota resources, the key `openstack quota show` names it by, and the value main.tf gives it. */
const QUOTA_TABLE: [resource: string, attribute: string, cliKey: string, configured: number][] = [
  ['openstack_compute_quotaset_v2', 'instances', 'instances', 7],
  ['openstack_compute_quotaset_v2', 'cores', 'cores', 14],
  ['openstack_compute_quotaset_v2', 'ram', 'ram', 28672],
  ['openstack_compute_quotaset_v2', 'key_pairs', 'key-pairs', 5],
  ['openstack_compute_quotaset_v2', 'metadata_items', 'properties', 64],
  ['openstack_compute_quotaset_v2', 'server_groups', 'server-groups', 3],
  ['openstack_compute_quotaset_v2', 'server_group_members', 'server-group-members', 4],
  ['openstack_compute_quotaset_v2', 'fixed_ips', 'fixed-ips', 20],
  ['openstack_compute_quotaset_v2', 'injected_files', 'injected-files', 3],
  ['openstack_networking_quota_v2', 'network', 'networks', 4],
  ['openstack_networking_quota_v2', 'subnet', 'subnets', 6],
  ['openstack_networking_quota_v2', 'port', 'ports', 30],
  ['openstack_networking_quota_v2', 'router', 'routers', 2],
  ['openstack_networking_quota_v2', 'floatingip', 'floating-ips', 3],
  ['openstack_networking_quota_v2', 'security_group', 'secgroups', 8],
  ['openstack_networking_quota_v2', 'security_group_rule', 'secgroup-rules', 60],
  ['openstack_networking_quota_v2', 'subnetpool', 'subnet_pools', -1],
  ['openstack_networking_quota_v2', 'rbac_policy', 'rbac_policies', 7],
  ['openstack_blockstorage_quotaset_v3', 'volumes', 'volumes', 9],
  ['openstack_blockstorage_quotaset_v3', 'snapshots', 'snapshots', 11],
  ['openstack_blockstorage_quotaset_v3', 'gigabytes', 'gigabytes', 300],
  ['openstack_blockstorage_quotaset_v3', 'per_volume_gigabytes', 'per-volume-gigabytes', 50],
  ['openstack_blockstorage_quotaset_v3', 'backups', 'backups', 4],
  ['openstack_blockstorage_quotaset_v3', 'backup_gigabytes', 'backup-gigabytes', 40],
  ['openstack_blockstorage_quotaset_v3', 'groups', 'groups', 2],
];
const VOLUME_TYPE_QUOTA = { volumes___DEFAULT__: 4, gigabytes___DEFAULT__: 120, snapshots___DEFAULT__: 6 };

/** The openstack CLI with explicit auth options and no cloud from clouds.yaml (the new user, the credential). */
async function cli(auth: string[], args: string[]): Promise<string> {
  const s = await e2eStack();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OS_')));
  return run('openstack', ['--os-auth-url', s.authUrl, '--os-identity-api-version', '3', ...auth, ...args, '-f', 'json'], { quiet: true, env });
}

/** A GET on the stack's API as the admin (loopback), its JSON body. */
async function adminGet<T>(path: string): Promise<T> {
  const s = await e2eStack();
  const { token } = await tokenFor('admin');
  const res = await fetch(`${s.apiUrl}${path}`, { headers: { 'X-Auth-Token': token } });
  assert.equal(res.status, 200, `GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** The names of the openstack.sim objects of this kind whose spec matches, as kubectl lists them. */
async function crsWhere(plural: string, match: (spec: Record<string, unknown>) => boolean): Promise<string[]> {
  const list = JSON.parse(await kubectl(['get', `${plural}.openstack.sim`, '-A', '-o', 'json'])) as { items: { metadata: { name: string }; spec: Record<string, unknown> }[] };
  return list.items.filter((i) => match(i.spec)).map((i) => i.metadata.name);
}

describe('terraform-provider-openstack identity and quotas (real Terraform, real cluster)', function () {
  this.timeout(600_000);
  const prefix = `tfi${Date.now().toString(36)}`;
  const password = `Pw-${randomBytes(12).toString('base64url')}`;
  let tf: TerraformDir | undefined;
  let out: Outputs;
  const terraform = (args: string[], vars: Record<string, string> = {}): Promise<string> => tf!.terraform(args, vars);
  const userAuth = ['--os-username', `${prefix}-user`, '--os-password', password, '--os-user-domain-name', 'Default', '--os-project-name', `${prefix}-child`, '--os-project-domain-name', 'Default'];
  const state = async (): Promise<StateResource[]> => (JSON.parse(await terraform(['show', '-json'])) as StateJson).values.root_module.resources;

  before(async () => {
    const s = await e2eStack();
    tf = terraformDir(s, join(import.meta.dirname, 'terraform-identity', 'main.tf'), { prefix, auth_url: s.authUrl, user_password: password });
    await terraform(['init']);
  });

  after(async () => {
    if (!tf) return;
    await terraform(['destroy', '-auto-approve']).catch(() => undefined);
    rmSync(tf.dir, { recursive: true, force: true });
  });

  it('When the stack is applied, then the child project sits under its parent with its description and tags, and the domain is one', async () => {
    assert.match(await terraform(['apply', '-auto-approve']), /Apply complete! Resources: 9 added, 0 changed, 0 destroyed/);
    const raw = JSON.parse(await terraform(['output', '-json'])) as Record<keyof Outputs, { value: string }>;
    out = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value])) as unknown as Outputs;
    const child = await openstackJson<{ parent_id: string; description: string; enabled: boolean; tags: string[]; domain_id: string }>(ADMIN, ['project', 'show', out.child_id]);
    assert.deepEqual([child.parent_id, child.description, child.enabled, [...child.tags].sort(), child.domain_id], [out.parent_id, "Terraform's child project", true, ['child', 'terraform'], 'default']);
    const parent = await openstackJson<{ name: string; tags: string[] }>(ADMIN, ['project', 'show', out.parent_id]);
    assert.deepEqual([parent.name, [...parent.tags].sort()], [`${prefix}-parent`, ['parent', 'terraform']]);
    const domain = await openstackJson<{ name: string; enabled: boolean }>(ADMIN, ['domain', 'show', out.domain_id]);
    assert.deepEqual([domain.name, domain.enabled], [`${prefix}-domain`, true]);
  });

  it('When applied, then the user has its default project, description, extra attribute and options, and the member role on the child only', async () => {
    const user = await openstackJson<{ name: string; default_project_id: string; description: string; enabled: boolean; email: string; options: Record<string, unknown> }>(ADMIN, ['user', 'show', out.user_id]);
    assert.deepEqual([user.name, user.default_project_id, user.description, user.enabled, user.email], [`${prefix}-user`, out.child_id, 'made by Terraform', true, `${prefix}@example.org`]);
    assert.deepEqual(user.options, { ignore_change_password_upon_first_use: true, multi_factor_auth_rules: [['password', 'totp']] });
    const grants = await openstackJson<{ Role: string; Project: string }[]>(ADMIN, ['role', 'assignment', 'list', '--user', out.user_id]);
    assert.deepEqual(grants.map((g) => [g.Role, g.Project]), [[out.role_id, out.child_id]]);
  });

  it('When applied, then the user\'s own application credential (member only) issues a token scoped to the child, and a wrong secret is refused', async () => {
    const cred = JSON.parse(await cli(userAuth, ['application', 'credential', 'show', out.credential_id])) as { roles: string; project_id: string; user_id: string; expires_at: string; unrestricted: boolean };
    assert.deepEqual([cred.roles, cred.project_id, cred.user_id, cred.unrestricted], ['member', out.child_id, out.user_id, false]);
    assert.match(cred.expires_at, /^2099-01-01T00:00:00/);
    assert.ok(out.credential_secret.length > 20, 'the secret Keystone returned once is in the state');
    const credAuth = (secret: string): string[] => ['--os-auth-type', 'v3applicationcredential', '--os-application-credential-id', out.credential_id, '--os-application-credential-secret', secret];
    const token = JSON.parse(await cli(credAuth(out.credential_secret), ['token', 'issue'])) as { project_id: string; user_id: string };
    assert.deepEqual([token.project_id, token.user_id], [out.child_id, out.user_id]);
    await assert.rejects(cli(credAuth(`${out.credential_secret}x`), ['token', 'issue']), /401|authenticat/i);
  });

  it('When applied, then the state\'s quotas are the configured ones and what openstack quota show reports for the child', async () => {
    const resources = await state();
    const shown = await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', out.child_id]);
    for (const [type, attribute, cliKey, configured] of QUOTA_TABLE) {
      const inState = resources.find((r) => r.type === type)?.values[attribute];
      assert.deepEqual([inState, shown[cliKey]], [configured, configured], `${type}.${attribute} / ${cliKey}`);
    }
    const typed = resources.find((r) => r.type === 'openstack_blockstorage_quotaset_v3')?.values.volume_type_quota;
    assert.deepEqual(typed, Object.fromEntries(Object.entries(VOLUME_TYPE_QUOTA).map(([k, v]) => [k, String(v)])));
    for (const [key, value] of Object.entries(VOLUME_TYPE_QUOTA)) assert.equal(shown[key], value, key);
  });

  it('When planned again, then there are no changes', async () => {
    // -detailed-exitcode: 0 is no changes, 2 is changes (run() rejects on anything but 0).
    assert.match(await terraform(['plan', '-detailed-exitcode']), /No changes/);
  });

  const changed = { child_description: 'the child, renamed', child_tags: '["terraform","child","v2"]', user_description: 'changed by Terraform', instances: '12', ports: '45', gigabytes: '400' };

  it('When descriptions, tags and limits change, then the same objects are updated in place, and a plan shows no changes', async () => {
    assert.match(await terraform(['apply', '-auto-approve'], changed), /Apply complete! Resources: 0 added, 5 changed, 0 destroyed/);
    const child = await openstackJson<{ id: string; description: string; tags: string[] }>(ADMIN, ['project', 'show', out.child_id]);
    assert.deepEqual([child.description, [...child.tags].sort()], ['the child, renamed', ['child', 'terraform', 'v2']]);
    const user = await openstackJson<{ description: string }>(ADMIN, ['user', 'show', out.user_id]);
    assert.equal(user.description, 'changed by Terraform');
    const shown = await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', out.child_id]);
    assert.deepEqual([shown.instances, shown.ports, shown.gigabytes, shown.cores], [12, 45, 400, 14]);
    assert.match(await terraform(['plan', '-detailed-exitcode'], changed), /No changes/);
  });

  it('When every resource is imported afresh, then a plan changes only what the provider never reads back (the password, the unset volume_type_quota), and an apply converges', async () => {
    const ids = new Map((await state()).filter((r) => r.mode === 'managed').map((r) => [r.address, String(r.values.id)]));
    assert.equal(ids.size, 9);
    for (const [address, id] of ids) {
      await terraform(['state', 'rm', address]);
      await terraform(['import', address, id], changed);
    }
    await terraform(['plan', '-out', 'imported.plan'], changed);
    const plan = JSON.parse(await terraform(['show', '-json', 'imported.plan'])) as PlanJson;
    const updates = plan.resource_changes.filter((c) => !c.change.actions.includes('no-op') && !c.change.actions.includes('read'));
    assert.deepEqual(updates.map((c) => [c.address, c.change.actions]).sort(), [
      ['openstack_blockstorage_quotaset_v3.child', ['update']],
      ['openstack_identity_user_v3.user', ['update']],
    ]);
    const volume = updates.find((c) => c.address.startsWith('openstack_blockstorage'))!;
    assert.deepEqual([Object.keys(volume.change.before.volume_type_quota ?? {}), volume.change.before.volumes], [[], 9], 'import reads no per-type limits, and the rest as they are');
    assert.match(await terraform(['apply', '-auto-approve'], changed), /0 added, 2 changed, 0 destroyed/);
    assert.match(await terraform(['plan', '-detailed-exitcode'], changed), /No changes/);
  });

  it('When destroyed, then no project, domain, user, grant, credential or quota of the stack is left, and the quota APIs give the defaults for the child\'s id', async () => {
    assert.match(await terraform(['destroy', '-auto-approve'], changed), /Destroy complete! Resources: 9 destroyed/);
    for (const [kind, id] of [['project', out.child_id], ['project', out.parent_id], ['domain', out.domain_id], ['user', out.user_id]]) {
      await assert.rejects(openstack(ADMIN, [kind, 'show', id]), /No \w+ with a name or ID|Could not find/, `${kind} ${id}`);
    }
    assert.deepEqual(await crsWhere('roleassignments', (s) => s.userId === out.user_id || s.projectId === out.child_id), []);
    assert.deepEqual(await crsWhere('applicationcredentials', (s) => s.userId === out.user_id), []);
    await until('the child\'s Quota objects to go with its namespace', async () =>
      (await kubectl(['get', 'quotas.openstack.sim', '-n', `os-${out.child_id}`, '-o', 'name'])).trim() === '' ? true : undefined, 60_000);
    await assertQuotasAreDefaults(out.child_id);
  });
});

/** Nova's, Neutron's and Cinder's quota reads for a project id with no limits of its own give their defaults. */
async function assertQuotasAreDefaults(projectId: string): Promise<void> {
  const { projectId: admin } = await tokenFor('admin');
  const without = <T extends Record<string, unknown>>(body: T): Omit<T, 'id'> => ({ ...body, id: undefined });
  const nova = await adminGet<{ quota_set: Record<string, unknown> }>(`/compute/v2.1/os-quota-sets/${projectId}`);
  const novaDefaults = await adminGet<{ quota_set: Record<string, unknown> }>(`/compute/v2.1/os-quota-sets/${projectId}/defaults`);
  assert.deepEqual(without(nova.quota_set), without(novaDefaults.quota_set));
  assert.notEqual(nova.quota_set.instances, 12);
  const neutron = await adminGet<{ quota: Record<string, unknown> }>(`/network/v2.0/quotas/${projectId}`);
  assert.deepEqual(neutron, await adminGet(`/network/v2.0/quotas/${projectId}/default`));
  const cinder = await adminGet<{ quota_set: Record<string, unknown> }>(`/volume/v3/${admin}/os-quota-sets/${projectId}`);
  const cinderDefaults = await adminGet<{ quota_set: Record<string, unknown> }>(`/volume/v3/${admin}/os-quota-sets/${projectId}/defaults`);
  assert.deepEqual(without(cinder.quota_set), without(cinderDefaults.quota_set));
}
