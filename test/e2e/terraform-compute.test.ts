// Terraform's openstack provider (v3, built from the Go module proxy into the tools cache by
// hack/tools/build.sh --with-terraform-provider) on compute: test/e2e/terraform-compute/main.tf
// imports a keypair from a local ssh-keygen file, makes an anti-affinity server group, and boots
// a server with the keypair, user data, metadata and the group as its scheduler hint, powered off
// (power_state = "shutoff"). A plan afterwards shows no changes; a new flavor resizes the server in
// place (the provider resizes and confirms); powering it on gives a Pod with the key and the new
// flavor's size; destroy leaves nothing behind, as the openstack CLI and kubectl tell.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { terraformDir, type TerraformDir } from './support/terraform.js';
import { e2eStack, kubectl, leftovers, openstackJson } from './support/stack.js';

const DEMO = 'openstack-sim-demo';
const sh = promisify(execFile);

interface ServerShow { id: string; status: string; key_name: string; flavor: string; project_id: string; properties: Record<string, string> }
interface ServerCr { metadata: { name: string }; spec: { userData?: string; keyData?: string; serverGroup?: { id: string; policy: string } } }
interface PodView {
  metadata: { labels: Record<string, string>; annotations: Record<string, string> };
  spec: { containers: { resources: { requests: Record<string, string> } }[] };
}

/** A Kubernetes memory quantity in Mi or Gi (the apiserver writes 2048Mi as 2Gi), in MiB. */
function mebibytes(quantity: string): number {
  const m = /^(\d+)(Mi|Gi)$/.exec(quantity);
  assert.ok(m, `unexpected memory quantity ${quantity}`);
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
}

/** The Server custom resource with this id, as kubectl shows it. */
async function serverCr(id: string): Promise<ServerCr | undefined> {
  const list = JSON.parse(await kubectl(['get', 'servers.openstack.sim', '-A', '-o', 'json'])) as { items: ServerCr[] };
  return list.items.find((i) => i.metadata.name === id);
}

/** The group's members as the CLI shows them (a list, or a comma-separated string in older clients). */
async function groupMembers(id: string): Promise<string[]> {
  const shown = await openstackJson<{ members: string | string[] }>(DEMO, ['server', 'group', 'show', id]);
  return Array.isArray(shown.members) ? shown.members : shown.members.split(/,\s*/).filter(Boolean);
}

describe('terraform-provider-openstack compute (real Terraform, real cluster)', function () {
  this.timeout(600_000);
  const prefix = `tfc${Date.now().toString(36)}`;
  const userData = `#!/bin/sh\necho hello from ${prefix}\n`;
  let dir = '';
  let tf: TerraformDir | undefined;
  let outputs: { server_id: { value: string }; group_id: { value: string }; fingerprint: { value: string } };
  const terraform = (args: string[], vars: Record<string, string> = {}): Promise<string> => tf!.terraform(args, vars);
  const show = (): Promise<ServerShow> => openstackJson<ServerShow>(DEMO, ['server', 'show', outputs.server_id.value]);

  before(async () => {
    const s = await e2eStack();
    const keys = mkdtempSync(join(tmpdir(), 'osim-terraform-key-'));
    await sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${prefix}@terraform`, '-f', join(keys, 'id')]);
    tf = terraformDir(s, join(import.meta.dirname, 'terraform-compute', 'main.tf'), { prefix, public_key_file: join(keys, 'id.pub') });
    dir = keys;
    await terraform(['init']);
  });

  after(async () => {
    if (!dir) return;
    await terraform(['destroy', '-auto-approve']).catch(() => undefined);
    for (const d of [dir, tf?.dir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('When the stack is applied, then the server is SHUTOFF with its key, metadata and user data, and a member of its group', async () => {
    await terraform(['apply', '-auto-approve']);
    outputs = JSON.parse(await terraform(['output', '-json'])) as typeof outputs;
    const vm = await show();
    assert.deepEqual([vm.status, vm.key_name, vm.properties], ['SHUTOFF', `${prefix}-key`, { role: 'web', tier: 'frontend' }]);
    const cr = await serverCr(vm.id);
    assert.equal(Buffer.from(cr?.spec.userData ?? '', 'base64').toString(), userData);
    assert.deepEqual(cr?.spec.serverGroup, { id: outputs.group_id.value, policy: 'anti-affinity' });
    assert.deepEqual(await groupMembers(outputs.group_id.value), [vm.id]);
  });

  it('When applied, then the keypair carries the local public key with OpenSSH\'s MD5 fingerprint', async () => {
    const { stdout } = await sh('ssh-keygen', ['-l', '-E', 'md5', '-f', join(dir, 'id.pub')]);
    const md5 = stdout.split(/\s+/)[1].replace(/^MD5:/, '');
    const kp = await openstackJson<{ fingerprint: string }>(DEMO, ['keypair', 'show', `${prefix}-key`]);
    assert.deepEqual([kp.fingerprint, outputs.fingerprint.value], [md5, md5]);
  });

  it('When planned again, then there are no changes', async () => {
    // -detailed-exitcode: 0 is no changes, 2 is changes (run() rejects on anything but 0).
    assert.match(await terraform(['plan', '-detailed-exitcode']), /No changes/);
  });

  it('When flavor_name changes, then the same server is resized in place, confirmed and still SHUTOFF, and a plan shows no changes', async () => {
    const out = await terraform(['apply', '-auto-approve'], { flavor: 'm1.small' });
    assert.match(out, /1 changed, 0 destroyed/);
    const vm = await show();
    assert.equal(vm.id, outputs.server_id.value);
    assert.match(vm.flavor, /m1\.small/);
    assert.equal(vm.status, 'SHUTOFF', 'the resize was confirmed: not VERIFY_RESIZE');
    assert.match(await terraform(['plan', '-detailed-exitcode'], { flavor: 'm1.small' }), /No changes/);
  });

  it('When power_state becomes active, then its Pod has the new flavor\'s size, the key as authorized_keys and the group\'s label', async () => {
    await terraform(['apply', '-auto-approve'], { flavor: 'm1.small', power_state: 'active' });
    const vm = await show();
    assert.equal(vm.status, 'ACTIVE');
    const pod = JSON.parse(await kubectl(['get', 'pod', vm.id, '-n', `os-${vm.project_id}`, '-o', 'json'])) as PodView;
    const small = await openstackJson<{ ram: number; vcpus: number }>(DEMO, ['flavor', 'show', 'm1.small']);
    const { cpu, memory } = pod.spec.containers[0].resources.requests;
    assert.deepEqual([cpu, mebibytes(memory)], [String(small.vcpus), small.ram]);
    assert.equal(pod.metadata.annotations['openstack.sim/authorized-keys'], `${readFileSync(join(dir, 'id.pub'), 'utf8').trim()}\n`);
    assert.equal(pod.metadata.labels['openstack.sim/server-group'], outputs.group_id.value);
  });

  it('When destroyed, then no server, keypair or server group of the stack is left', async () => {
    await terraform(['destroy', '-auto-approve'], { flavor: 'm1.small', power_state: 'active' });
    assert.deepEqual((await leftovers(prefix)).servers, []);
    const keys = await openstackJson<{ Name: string }[]>(DEMO, ['keypair', 'list']);
    assert.deepEqual(keys.filter((k) => k.Name.startsWith(prefix)), []);
    const groups = await openstackJson<{ Name: string }[]>(DEMO, ['server', 'group', 'list']);
    assert.deepEqual(groups.filter((g) => g.Name.startsWith(prefix)), []);
  });
});
