// The seeded DevStack topology (demo's private network, router1, the public network) as a user
// drives it with the real CLI: a server on private, security groups added to and removed from it,
// a second port attached and detached (os-interface), a floating IP through router1; and the set,
// unset, show and list commands of security groups, rules, ports and routers not covered elsewhere.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

const DEMO = 'openstack-sim-demo';

describe('a server on the seeded networks (real CLI, real cluster)', () => {
  const name = `e2e-sn-${Date.now()}`;
  let vm = { id: '', project_id: '' };
  let sg = '';
  const addresses = async (): Promise<string[]> => Object.values((await openstackJson<{ addresses: Record<string, string[]> }>(DEMO, ['server', 'show', vm.id])).addresses).flat();

  before(async () => {
    await e2eStack();
    sg = (await openstackJson<{ id: string }>(DEMO, ['security', 'group', 'create', '--description', 'web', `${name}-sg`])).id;
  });

  after(async () => {
    const quiet = (p: Promise<unknown>): Promise<unknown> => p.catch(() => undefined);
    if (vm.id) await quiet(openstack(DEMO, ['server', 'delete', '--wait', vm.id]));
    await quiet(openstack(DEMO, ['security', 'group', 'delete', sg]));
  });

  it('When demo boots a server without naming a network, then it lands on the seeded private network', async () => {
    vm = await openstackJson<{ id: string; project_id: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', `${name}-vm`]);
    const shown = await openstackJson<{ addresses: Record<string, string[]> }>(DEMO, ['server', 'show', vm.id]);
    assert.deepEqual(Object.keys(shown.addresses), ['private']);
    assert.match(shown.addresses.private[0], /^10\.0\.0\.\d+$/);
  });

  it('When a security group is added to the server and removed again, then its ports and its Pod follow', async () => {
    // This openstack CLI finds the group through Nova's os-security-groups proxy, by id.
    await openstack(DEMO, ['server', 'add', 'security', 'group', vm.id, sg]);
    const groups = await openstackJson<{ security_groups: { name: string }[] }>(DEMO, ['server', 'show', vm.id]);
    assert.deepEqual(groups.security_groups.map((g) => g.name).sort(), ['default', `${name}-sg`].sort());
    const labelled = async (): Promise<boolean> => (await kubectl(['get', 'pod', vm.id, '-n', `os-${vm.project_id}`, '-o', 'jsonpath={.metadata.labels}'])).includes(`sg.openstack.sim/${sg}`);
    await until('the Pod in the group', async () => ((await labelled()) ? true : undefined));
    await openstack(DEMO, ['server', 'remove', 'security', 'group', vm.id, sg]);
    await until('the Pod out of the group', async () => ((await labelled()) ? undefined : true));
  });

  it('When a port is added to the server and removed again, then the server shows its address meanwhile and the port is kept', async () => {
    const port = await openstackJson<{ id: string; fixed_ips: { ip_address: string }[] }>(DEMO, ['port', 'create', '--network', 'private', `${name}-port`]);
    await openstack(DEMO, ['server', 'add', 'port', vm.id, port.id]);
    await until('the second address', async () => ((await addresses()).includes(port.fixed_ips[0].ip_address) ? true : undefined));
    assert.equal((await openstackJson<unknown[]>(DEMO, ['port', 'list', '--server', vm.id])).length, 2);
    await openstack(DEMO, ['server', 'remove', 'port', vm.id, port.id]);
    await until('the address gone', async () => ((await addresses()).includes(port.fixed_ips[0].ip_address) ? undefined : true));
    const kept = await openstackJson<{ device_id: string }>(DEMO, ['port', 'show', port.id]);
    assert.equal(kept.device_id, '', 'the user\'s port is unbound, not deleted');
    await openstack(DEMO, ['port', 'set', '--description', 'spare', '--tag', 'spare', port.id]);
    await openstack(DEMO, ['port', 'unset', '--tag', 'spare', port.id]);
    const shown = await openstackJson<{ description: string; tags: string[] }>(DEMO, ['port', 'show', port.id]);
    assert.deepEqual([shown.description, shown.tags], ['spare', []]);
    await openstack(DEMO, ['port', 'delete', port.id]);
  });

  it('When a floating IP from public is added, then router1 carries it to the server', async () => {
    const fip = await openstackJson<{ floating_ip_address: string; id: string }>(DEMO, ['floating', 'ip', 'create', 'public']);
    await openstack(DEMO, ['server', 'add', 'floating', 'ip', vm.id, fip.floating_ip_address]);
    await until('the floating address', async () => ((await addresses()).includes(fip.floating_ip_address) ? true : undefined));
    const router1 = await openstackJson<{ id: string }>(DEMO, ['router', 'show', 'router1']);
    assert.equal((await openstackJson<{ router_id: string }>(DEMO, ['floating', 'ip', 'show', fip.id])).router_id, router1.id);
    await openstack(DEMO, ['floating', 'ip', 'delete', fip.id]);
    await until('the floating address gone', async () => ((await addresses()).includes(fip.floating_ip_address) ? undefined : true));
  });

  it('When a security group and its rules are set, shown, listed and deleted, then each change shows', async () => {
    await openstack(DEMO, ['security', 'group', 'set', '--name', `${name}-sg2`, '--description', 'web and ssh', '--tag', 'x', sg]);
    const shown = await openstackJson<{ name: string; description: string; tags: string[] }>(DEMO, ['security', 'group', 'show', sg]);
    assert.deepEqual([shown.name, shown.description, shown.tags], [`${name}-sg2`, 'web and ssh', ['x']]);
    await openstack(DEMO, ['security', 'group', 'unset', '--tag', 'x', sg]);
    const rule = await openstackJson<{ id: string; port_range_min: number }>(DEMO, ['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '80:81', sg]);
    const rules = await openstackJson<{ ID: string }[]>(DEMO, ['security', 'group', 'rule', 'list', sg]);
    assert.ok(rules.some((r) => r.ID === rule.id));
    assert.equal((await openstackJson<{ port_range_max: number }>(DEMO, ['security', 'group', 'rule', 'show', rule.id])).port_range_max, 81);
    await openstack(DEMO, ['security', 'group', 'rule', 'delete', rule.id]);
    await assert.rejects(openstack(DEMO, ['security', 'group', 'rule', 'show', rule.id]));
  });

  it('When router1 gets a static route and loses it, then show tells both', async () => {
    await openstack(DEMO, ['router', 'set', '--route', 'destination=192.168.50.0/24,gateway=10.0.0.5', 'router1']);
    let shown = await openstackJson<{ routes: { destination: string; nexthop: string }[] }>(DEMO, ['router', 'show', 'router1']);
    assert.deepEqual(shown.routes, [{ destination: '192.168.50.0/24', nexthop: '10.0.0.5' }]);
    await openstack(DEMO, ['router', 'unset', '--route', 'destination=192.168.50.0/24,gateway=10.0.0.5', 'router1']);
    shown = await openstackJson<{ routes: { destination: string; nexthop: string }[] }>(DEMO, ['router', 'show', 'router1']);
    assert.deepEqual(shown.routes, []);
  });
});
