// Floating IPs as a user drives them with the real CLI: allocate from the external network, add
// it to a server (through router1 between the private subnet and public), see it on the server and
// as a Service through kubectl, set/unset/list/show, remove it, delete it, and nothing is left.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

const DEMO = 'openstack-sim-demo';

interface FloatingIpShow {
  id: string;
  floating_ip_address: string;
  status: string;
  port_id: string | null;
  fixed_ip_address: string | null;
  router_id: string | null;
  project_id: string;
}

describe('openstack floating ip (real CLI, real cluster)', () => {
  const name = `e2e-fip-${Date.now()}`;
  const made: { ext?: string; net?: string; router?: string; vm?: string; fip?: FloatingIpShow } = {};
  let ns = '';

  before(async () => {
    await e2eStack();
    made.ext = (await openstackJson<{ id: string }>('openstack-sim', ['network', 'create', '--external', `${name}-public`])).id;
    await openstack('openstack-sim', ['subnet', 'create', '--network', made.ext, '--subnet-range', '172.24.77.0/24', `${name}-public-sub`]);
    made.net = (await openstackJson<{ id: string }>(DEMO, ['network', 'create', `${name}-private`])).id;
    await openstack(DEMO, ['subnet', 'create', '--network', made.net, '--subnet-range', '10.77.0.0/24', `${name}-private-sub`]);
    made.router = (await openstackJson<{ id: string }>(DEMO, ['router', 'create', '--external-gateway', made.ext, `${name}-router`])).id;
    await openstack(DEMO, ['router', 'add', 'subnet', made.router, `${name}-private-sub`]);
    made.vm = (await openstackJson<{ id: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--network', made.net, '--wait', `${name}-vm`])).id;
  });

  after(async () => {
    const quiet = (p: Promise<unknown>): Promise<unknown> => p.catch(() => undefined);
    if (made.fip) await quiet(openstack(DEMO, ['floating', 'ip', 'delete', made.fip.id]));
    if (made.vm) await quiet(openstack(DEMO, ['server', 'delete', '--wait', made.vm]));
    if (made.router) {
      await quiet(openstack(DEMO, ['router', 'remove', 'subnet', made.router, `${name}-private-sub`]));
      await quiet(openstack(DEMO, ['router', 'delete', made.router]));
    }
    if (made.net) await quiet(openstack(DEMO, ['network', 'delete', made.net]));
    if (made.ext) await quiet(openstack('openstack-sim', ['network', 'delete', made.ext]));
  });

  it('When a floating IP is created on the external network, then it is DOWN with an address of its subnet', async () => {
    made.fip = await openstackJson<FloatingIpShow>(DEMO, ['floating', 'ip', 'create', '--description', 'e2e', made.ext!]);
    ns = `os-${made.fip.project_id}`;
    assert.match(made.fip.floating_ip_address, /^172\.24\.77\.\d+$/);
    assert.deepEqual([made.fip.status, made.fip.port_id, made.fip.router_id], ['DOWN', null, null]);
  });

  it('When it is added to the server, then the server shows it beside its fixed address, it is ACTIVE, and kubectl shows its Service', async () => {
    const addr = made.fip!.floating_ip_address;
    await openstack(DEMO, ['server', 'add', 'floating', 'ip', made.vm!, addr]);
    const addresses = await until('the floating address on the server', async () => {
      const shown = await openstackJson<{ addresses: Record<string, string[]> }>(DEMO, ['server', 'show', made.vm!]);
      return Object.values(shown.addresses).flat().includes(addr) ? shown.addresses : undefined;
    });
    assert.equal(addresses[`${name}-private`].length, 2, JSON.stringify(addresses));
    assert.match(addresses[`${name}-private`][0], /^10\.77\.0\.\d+$/, 'the fixed address first');
    const fip = await until('ACTIVE', async () => {
      const f = await openstackJson<FloatingIpShow>(DEMO, ['floating', 'ip', 'show', addr]);
      return f.status === 'ACTIVE' ? f : undefined;
    });
    assert.equal(fip.router_id, made.router);
    const svc = JSON.parse(await kubectl(['get', 'svc', `fip-${fip.id}`, '-n', ns, '-o', 'json'])) as { spec: { externalIPs: string[]; selector: Record<string, string>; clusterIP: string } };
    assert.deepEqual(svc.spec.externalIPs, [addr]);
    assert.deepEqual(svc.spec.selector, { 'openstack.sim/server-id': made.vm });
    const row = (await kubectl(['get', 'svc', '-n', ns, '--no-headers'])).split('\n').find((l) => l.startsWith(`fip-${fip.id}`));
    assert.ok(row?.includes(addr), `kubectl get svc shows the address: ${row}`);
  });

  it('When it is listed, set and unset, then the list filters find it and show tells the change', async () => {
    const listed = await openstackJson<{ ID: string }[]>(DEMO, ['floating', 'ip', 'list', '--network', made.ext!, '--status', 'ACTIVE']);
    assert.ok(listed.some((r) => r.ID === made.fip!.id));
    await openstack(DEMO, ['floating', 'ip', 'set', '--tag', 'web', made.fip!.id]);
    await openstack(DEMO, ['floating', 'ip', 'unset', '--tag', 'web', made.fip!.id]);
    const shown = await openstackJson<{ tags: string[]; description: string }>(DEMO, ['floating', 'ip', 'show', made.fip!.id]);
    assert.deepEqual([shown.tags, shown.description], [[], 'e2e']);
  });

  it('When another project looks for it, then it does not exist for them', async () => {
    await assert.rejects(openstack('openstack-sim-alt-demo', ['floating', 'ip', 'show', made.fip!.id]), /No FloatingIP found|Not Found|404/i);
  });

  it('When it is removed from the server, then the server loses it, it is DOWN, and its Service goes', async () => {
    const addr = made.fip!.floating_ip_address;
    await openstack(DEMO, ['server', 'remove', 'floating', 'ip', made.vm!, addr]);
    await until('the floating address gone from the server', async () => {
      const shown = await openstackJson<{ addresses: Record<string, string[]> }>(DEMO, ['server', 'show', made.vm!]);
      return Object.values(shown.addresses).flat().includes(addr) ? undefined : true;
    });
    const f = await openstackJson<FloatingIpShow>(DEMO, ['floating', 'ip', 'show', made.fip!.id]);
    assert.deepEqual([f.status, f.port_id, f.fixed_ip_address], ['DOWN', null, null]);
    await until('the Service gone', async () => ((await kubectl(['get', 'svc', '-n', ns, '--no-headers'])).includes(`fip-${made.fip!.id}`) ? undefined : true));
  });

  it('When it is deleted, then it is gone from the API and kubectl, and its address is free', async () => {
    await openstack(DEMO, ['floating', 'ip', 'delete', made.fip!.id]);
    await assert.rejects(openstack(DEMO, ['floating', 'ip', 'show', made.fip!.id]));
    assert.equal((await kubectl(['get', 'floatingips.openstack.sim', '-n', ns, '--no-headers'])).includes(made.fip!.id), false);
    const ports = await openstackJson<{ ID: string }[]>('openstack-sim', ['port', 'list', '--device-id', made.fip!.id]);
    assert.deepEqual(ports, [], 'the port holding the address went with it');
    made.fip = undefined;
  });
});
