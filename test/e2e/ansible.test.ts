// Ansible's openstack.cloud 2.x collection with openstacksdk from PyPI, in a virtual environment
// the test creates (test/e2e/ansible/requirements.txt): test/e2e/ansible/stack.yml builds the stack
// (external network, network, subnet, router, security group and rule, server, floating IP, and
// an image uploaded from a local file, a volume with a snapshot attached to the server), a
// second run changes nothing, and a teardown run removes it all, as the openstack CLI tells.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../hack/lib/exec.js';
import { e2eStack, leftovers, openstackJson } from './support/stack.js';
import { ensureVenv } from './support/venv.js';

const DEMO = 'openstack-sim-demo';
const HERE = join(import.meta.dirname, 'ansible');

/** The PLAY RECAP counters of localhost. */
function recap(output: string): Record<string, number> {
  const line = output.split('\n').find((l) => /^localhost\s+:/.test(l));
  assert.ok(line, `no recap in:\n${output.slice(-2000)}`);
  return Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
}

describe('Ansible openstack.cloud (real collection and SDK, real cluster)', function () {
  this.timeout(900_000);
  const prefix = `ans${Date.now().toString(36)}`;
  let playbook: (extra: string[]) => Promise<Record<string, number>>;
  const imageBytes = randomBytes(512 * 1024 + 5);
  let imageFile = '';

  before(async () => {
    const s = await e2eStack();
    const venv = await ensureVenv('ansible', join(HERE, 'requirements.txt'));
    const env = { ...process.env, OS_CLIENT_CONFIG_FILE: s.cloudsYaml, ANSIBLE_LOCALHOST_WARNING: 'false', ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false', ANSIBLE_NOCOLOR: '1', ANSIBLE_HOME: join(venv, 'ansible-home') };
    imageFile = join(mkdtempSync(join(tmpdir(), 'osim-ansible-')), 'disk.raw');
    writeFileSync(imageFile, imageBytes);
    const vars = ['-e', `ansible_python_interpreter=${join(venv, 'bin', 'python')}`, '-e', `prefix=${prefix}`, '-e', `image_file=${imageFile}`];
    playbook = async (extra) => recap(await run(join(venv, 'bin', 'ansible-playbook'), ['-i', 'localhost,', ...vars, ...extra, join(HERE, 'stack.yml')], { quiet: true, env }));
  });

  after(async () => {
    if (playbook) await playbook(['-e', 'state=absent']).catch(() => undefined);
    if (imageFile) rmSync(dirname(imageFile), { recursive: true, force: true });
  });

  it('When the playbook runs, then the stack is built and the server is ACTIVE with its floating IP', async () => {
    const first = await playbook([]);
    assert.equal(first.failed, 0);
    assert.ok(first.changed >= 12, `every resource was made: ${JSON.stringify(first)}`);
    const vm = await openstackJson<{ status: string; addresses: Record<string, string[]>; security_groups: { name: string }[] }>(DEMO, ['server', 'show', `${prefix}-vm`]);
    assert.equal(vm.status, 'ACTIVE');
    const addrs = vm.addresses[`${prefix}-net`];
    assert.ok(addrs?.length === 2 && /^10\.66\.0\./.test(addrs[0]) && /^172\.24\.66\./.test(addrs[1]), JSON.stringify(vm.addresses));
    assert.deepEqual(vm.security_groups.map((g) => g.name), [`${prefix}-web`]);
    const image = await openstackJson<{ status: string; size: number; checksum: string; tags: string[]; properties: Record<string, unknown> }>(DEMO, ['image', 'show', `${prefix}-disk`]);
    assert.deepEqual([image.status, image.size, image.checksum, image.tags], ['active', imageBytes.length, createHash('md5').update(imageBytes).digest('hex'), ['ansible']]);
    assert.equal(image.properties.os_distro, 'cirros');
    const data = await openstackJson<{ status: string; attachments: { server_id: string }[]; properties?: Record<string, string> }>(DEMO, ['volume', 'show', `${prefix}-data`]);
    const vmId = (await openstackJson<{ id: string }>(DEMO, ['server', 'show', `${prefix}-vm`])).id;
    assert.deepEqual([data.status, data.attachments.map((a) => a.server_id), data.properties?.tier], ['in-use', [vmId], 'gold']);
    const snap = await openstackJson<{ status: string }>(DEMO, ['volume', 'snapshot', 'show', `${prefix}-snap`]);
    assert.equal(snap.status, 'available');
  });

  it('When it runs again, then nothing changes', async () => {
    const second = await playbook([]);
    assert.deepEqual([second.failed, second.changed], [0, 0], JSON.stringify(second));
  });

  it('When the teardown runs, then nothing of the stack is left', async () => {
    const down = await playbook(['-e', 'state=absent']);
    assert.equal(down.failed, 0);
    assert.deepEqual(await leftovers(prefix), { networks: [], routers: [], securityGroups: [], servers: [] });
    const fips = await openstackJson<{ 'Floating IP Address': string }[]>('openstack-sim', ['floating', 'ip', 'list']);
    assert.equal(fips.some((f) => f['Floating IP Address'].startsWith('172.24.66.')), false, 'no floating IP left');
    const images = await openstackJson<{ Name: string }[]>(DEMO, ['image', 'list']);
    assert.equal(images.some((i) => i.Name === `${prefix}-disk`), false, 'no image left');
    const volumes = await openstackJson<{ Name: string }[]>(DEMO, ['volume', 'list']);
    assert.equal(volumes.some((v) => String(v.Name).startsWith(prefix)), false, 'no volume left');
    const snapshots = await openstackJson<{ Name: string }[]>(DEMO, ['volume', 'snapshot', 'list']);
    assert.equal(snapshots.some((v) => String(v.Name).startsWith(prefix)), false, 'no snapshot left');
  });
});
