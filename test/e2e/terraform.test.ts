// Terraform's openstack provider (v3, built from the Go module proxy into the tools cache by
// hack/tools/build.sh --with-terraform-provider) with the machine's terraform CLI: it applies
// test/e2e/terraform/main.tf (external network, network, subnet, router with gateway and
// interface, security group with rules, a server in it, a floating IP on its port, an image
// uploaded from a local file, a volume attached to the server, a server booted from a volume),
// a plan
// afterwards shows no changes, and destroy leaves nothing behind, as the openstack CLI tells.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformDir, type TerraformDir } from './support/terraform.js';
import { e2eStack, kubectl, leftovers, openstackJson } from './support/stack.js';

const DEMO = 'openstack-sim-demo';

describe('terraform-provider-openstack (real Terraform, real cluster)', function () {
  this.timeout(600_000);
  const prefix = `tf${Date.now().toString(36)}`;
  let dir = '';
  let tf: TerraformDir | undefined;
  const terraform = (args: string[]): Promise<string> => tf!.terraform(args);
  let outputs: { server_id: { value: string }; floating_ip: { value: string }; security_group_id: { value: string }; image_id: { value: string }; volume_id: { value: string }; bfv_server_id: { value: string } };
  const imageBytes = randomBytes(1024 * 1024 + 3);

  before(async () => {
    const s = await e2eStack();
    const image = join(mkdtempSync(join(tmpdir(), 'osim-terraform-image-')), 'disk.raw');
    writeFileSync(image, imageBytes);
    tf = terraformDir(s, join(import.meta.dirname, 'terraform', 'main.tf'), { prefix, image_file: image });
    dir = tf.dir;
    await terraform(['init']);
  });

  after(async () => {
    if (dir) await terraform(['destroy', '-auto-approve']).catch(() => undefined);
  });

  it('When the stack is applied, then the server is ACTIVE on its network in its group, with the floating IP on it', async () => {
    await terraform(['apply', '-auto-approve']);
    outputs = JSON.parse(await terraform(['output', '-json'])) as typeof outputs;
    const vm = await openstackJson<{ status: string; addresses: Record<string, string[]>; security_groups: { name: string }[] }>(DEMO, ['server', 'show', outputs.server_id.value]);
    assert.equal(vm.status, 'ACTIVE');
    const addrs = vm.addresses[`${prefix}-net`];
    assert.ok(addrs?.length === 2 && /^10\.99\.0\.\d+$/.test(addrs[0]) && addrs[1] === outputs.floating_ip.value, JSON.stringify(vm.addresses));
    assert.deepEqual(vm.security_groups.map((g) => g.name), [`${prefix}-web`]);
  });

  it('When applied, then kubectl shows the group\'s NetworkPolicy with its rules and the floating IP\'s Service', async () => {
    const vm = await openstackJson<{ project_id: string }>(DEMO, ['server', 'show', outputs.server_id.value]);
    const ns = `os-${vm.project_id}`;
    const policies = JSON.parse(await kubectl(['get', 'networkpolicies', '-n', ns, '-l', `openstack.sim/security-group-id=${outputs.security_group_id.value}`, '-o', 'json'])) as { items: { spec: { ingress?: { ports?: { port: number }[] }[] } }[] };
    assert.deepEqual(policies.items[0]?.spec.ingress?.map((r) => r.ports?.[0].port).sort(), [22, 80]);
    const services = await kubectl(['get', 'svc', '-n', ns, '--no-headers']);
    assert.ok(services.split('\n').some((l) => l.startsWith('fip-') && l.includes(outputs.floating_ip.value)), services);
  });

  it('When applied, then the image is active with the local file\'s size and md5, its property and its tag', async () => {
    const image = await openstackJson<{ status: string; size: number; checksum: string; tags: string[]; properties: Record<string, unknown> }>(DEMO, ['image', 'show', outputs.image_id.value]);
    assert.deepEqual([image.status, image.size, image.checksum], ['active', imageBytes.length, createHash('md5').update(imageBytes).digest('hex')]);
    assert.equal(image.properties.os_distro, 'cirros');
    assert.deepEqual(image.tags, ['terraform']);
  });

  it('When applied, then the data volume is in-use on the server, and the second server boots from a volume made from the image', async () => {
    type Vol = { id: string; status: string; bootable: string; attachments: { server_id: string; device: string }[]; properties?: Record<string, string> };
    const data = await openstackJson<Vol>(DEMO, ['volume', 'show', outputs.volume_id.value]);
    assert.deepEqual([data.status, data.attachments.map((a) => a.server_id), data.properties?.tier], ['in-use', [outputs.server_id.value], 'gold']);
    const vols = await openstackJson<{ ID: string; 'Attached to': unknown }[]>(DEMO, ['volume', 'list']);
    const root = vols.find((v) => JSON.stringify(v['Attached to']).includes(outputs.bfv_server_id.value));
    assert.ok(root, 'the boot volume is listed');
    const boot = await openstackJson<Vol>(DEMO, ['volume', 'show', root.ID]);
    assert.deepEqual([boot.attachments[0].device, boot.bootable], ['/dev/vda', 'true']);
  });

  it('When planned again, then there are no changes', async () => {
    // -detailed-exitcode: 0 is no changes, 2 is changes (run() rejects on anything but 0).
    const plan = await terraform(['plan', '-detailed-exitcode']);
    assert.match(plan, /No changes/);
  });

  it('When destroyed, then nothing of the stack is left', async () => {
    await terraform(['destroy', '-auto-approve']);
    assert.deepEqual(await leftovers(prefix), { networks: [], routers: [], securityGroups: [], servers: [] });
    const fips = await openstackJson<{ 'Floating IP Address': string }[]>('openstack-sim', ['floating', 'ip', 'list']);
    assert.equal(fips.some((f) => f['Floating IP Address'] === outputs.floating_ip.value), false);
    const ports = await openstackJson<{ 'Fixed IP Addresses': unknown }[]>('openstack-sim', ['port', 'list']);
    assert.equal(JSON.stringify(ports).includes('10.99.0.') || JSON.stringify(ports).includes('172.24.99.'), false, 'no port of the stack is left');
    const images = await openstackJson<{ ID: string }[]>(DEMO, ['image', 'list']);
    assert.equal(images.some((i) => i.ID === outputs.image_id.value), false, 'the image is gone');
    const volumes = await openstackJson<{ ID: string; Name: string | null }[]>(DEMO, ['volume', 'list']);
    assert.deepEqual(volumes.filter((v) => v.ID === outputs.volume_id.value || JSON.stringify(v).includes(outputs.bfv_server_id.value)), [], 'no volume of the stack is left');
  });
});
