// Ansible's openstack.cloud 2.x collection with openstacksdk from PyPI (the virtual environment of
// test/e2e/ansible.test.ts) on compute: test/e2e/ansible/compute.yml imports a keypair from a
// local ssh-keygen file, makes an anti-affinity server group and boots a server with the keypair,
// user data, metadata and the group as its scheduler hint; a second run changes nothing;
// server_action then stops, starts, reboots, shelves, unshelves and locks it, each seen through
// the openstack CLI and kubectl; the teardown run leaves nothing of it behind.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../../hack/lib/exec.js';
import { e2eStack, kubectl, leftovers, openstack, openstackJson, until } from './support/stack.js';
import { ensureVenv } from './support/venv.js';

const DEMO = 'openstack-sim-demo';
const HERE = join(import.meta.dirname, 'ansible');
const sh = promisify(execFile);

interface ServerShow { id: string; status: string; key_name: string; project_id: string; properties: Record<string, string> }
interface ServerCr { metadata: { name: string }; spec: { userData?: string; serverGroup?: { id: string }; lock?: { lockedBy: string } } }
interface PodView { metadata: { uid: string; labels: Record<string, string>; annotations: Record<string, string> } }

/** The PLAY RECAP counters of localhost. */
function recap(output: string): Record<string, number> {
  const line = output.split('\n').find((l) => /^localhost\s+:/.test(l));
  assert.ok(line, `no recap in:\n${output.slice(-2000)}`);
  return Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
}

async function serverCr(id: string): Promise<ServerCr | undefined> {
  const list = JSON.parse(await kubectl(['get', 'servers.openstack.sim', '-A', '-o', 'json'])) as { items: ServerCr[] };
  return list.items.find((i) => i.metadata.name === id);
}

describe('Ansible openstack.cloud compute (real collection and SDK, real cluster)', function () {
  this.timeout(900_000);
  const prefix = `ansc${Date.now().toString(36)}`;
  let playbook: (extra: string[]) => Promise<Record<string, number>>;
  let keyDir = '';
  let vm: ServerShow;
  const show = (): Promise<ServerShow> => openstackJson<ServerShow>(DEMO, ['server', 'show', `${prefix}-vm`]);
  const pod = (): Promise<PodView | undefined> => kubectl(['get', 'pod', vm.id, '-n', `os-${vm.project_id}`, '-o', 'json']).then((o) => JSON.parse(o) as PodView, () => undefined);
  const action = async (name: string): Promise<Record<string, number>> => playbook(['-e', 'state=action', '-e', `server_action=${name}`]);

  before(async () => {
    const s = await e2eStack();
    const venv = await ensureVenv('ansible', join(HERE, 'requirements.txt'));
    const env = { ...process.env, OS_CLIENT_CONFIG_FILE: s.cloudsYaml, ANSIBLE_LOCALHOST_WARNING: 'false', ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false', ANSIBLE_NOCOLOR: '1', ANSIBLE_HOME: join(venv, 'ansible-home') };
    keyDir = mkdtempSync(join(tmpdir(), 'osim-ansible-compute-'));
    await sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${prefix}@ansible`, '-f', join(keyDir, 'id')]);
    const vars = ['-e', `ansible_python_interpreter=${join(venv, 'bin', 'python')}`, '-e', `prefix=${prefix}`, '-e', `public_key_file=${join(keyDir, 'id.pub')}`];
    playbook = async (extra) => recap(await run(join(venv, 'bin', 'ansible-playbook'), ['-i', 'localhost,', ...vars, ...extra, join(HERE, 'compute.yml')], { quiet: true, env }));
  });

  after(async () => {
    if (playbook) await playbook(['-e', 'state=absent']).catch(() => undefined);
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it('When the playbook runs, then the server is ACTIVE with its key, metadata and user data, in its group, and its Pod has the key', async () => {
    const first = await playbook([]);
    assert.deepEqual([first.failed, first.changed], [0, 3], JSON.stringify(first));
    vm = await show();
    assert.deepEqual([vm.status, vm.key_name, vm.properties], ['ACTIVE', `${prefix}-key`, { role: 'web', tier: 'frontend' }]);
    const cr = await serverCr(vm.id);
    assert.equal(Buffer.from(cr?.spec.userData ?? '', 'base64').toString(), `#!/bin/sh\necho hello from ${prefix}\n`);
    const group = await openstackJson<{ id: string; members: string | string[] }>(DEMO, ['server', 'group', 'show', `${prefix}-group`]);
    assert.deepEqual([cr?.spec.serverGroup?.id, [group.members].flat().join(',')], [group.id, vm.id]);
    const p = await pod();
    assert.equal(p?.metadata.annotations['openstack.sim/authorized-keys'], `${readFileSync(join(keyDir, 'id.pub'), 'utf8').trim()}\n`);
    assert.equal(p?.metadata.labels['openstack.sim/server-group'], group.id);
  });

  it('When it runs again, then nothing changes', async () => {
    const second = await playbook([]);
    assert.deepEqual([second.failed, second.changed], [0, 0], JSON.stringify(second));
  });

  it('When server_action stops it, then it is SHUTOFF with no Pod; started, it is ACTIVE with a Pod again', async () => {
    assert.deepEqual([(await action('stop')).changed, (await show()).status], [1, 'SHUTOFF']);
    await until('the Pod to go', async () => ((await pod()) ? undefined : true));
    assert.deepEqual([(await action('start')).changed, (await show()).status], [1, 'ACTIVE']);
    assert.ok(await pod(), 'the started server has a Pod');
  });

  it('When server_action reboots it (soft, then hard), then each time a new Pod boots it and it is ACTIVE', async () => {
    for (const kind of ['reboot_soft', 'reboot_hard']) {
      const before = (await pod())?.metadata.uid;
      assert.deepEqual([(await action(kind)).changed, (await show()).status], [1, 'ACTIVE'], kind);
      await until(`the Pod of the ${kind}`, async () => {
        const p = await pod();
        return p && p.metadata.uid !== before ? true : undefined;
      });
    }
  });

  it('When server_action shelves it, then it is SHELVED_OFFLOADED with no Pod; unshelved, it is ACTIVE with a Pod again', async () => {
    assert.deepEqual([(await action('shelve')).changed, (await show()).status], [1, 'SHELVED_OFFLOADED']);
    assert.equal(await pod(), undefined);
    assert.deepEqual([(await action('unshelve')).changed, (await show()).status], [1, 'ACTIVE']);
    assert.ok(await pod(), 'the unshelved server has a Pod');
  });

  it('When server_action locks it, then kubectl shows it locked by its owner, the owner\'s stop is refused, and locking again changes nothing', async () => {
    assert.equal((await action('lock')).changed, 1);
    assert.equal((await serverCr(vm.id))?.spec.lock?.lockedBy, 'owner');
    await assert.rejects(openstack(DEMO, ['server', 'stop', vm.id]), /409|locked/);
    assert.equal((await action('lock')).changed, 0, 'the server shows itself locked');
  });

  it('When the teardown runs, then no server, server group or keypair of it is left', async () => {
    const down = await playbook(['-e', 'state=absent']);
    assert.equal(down.failed, 0);
    assert.deepEqual((await leftovers(prefix)).servers, []);
    const groups = await openstackJson<{ Name: string }[]>(DEMO, ['server', 'group', 'list']);
    assert.deepEqual(groups.filter((g) => g.Name.startsWith(prefix)), []);
    const keys = await openstackJson<{ Name: string }[]>(DEMO, ['keypair', 'list']);
    assert.deepEqual(keys.filter((k) => k.Name.startsWith(prefix)), []);
  });
});
