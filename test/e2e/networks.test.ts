// Neutron networks as a user drives them: openstack network create/list/show/set/unset/delete
// with the real CLI, tenant isolation between demo and alt_demo, provider segments claimed once,
// and the same networks seen through kubectl.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson } from './support/stack.js';

interface NetworkShow {
  id: string;
  name: string;
  status: string;
  description: string;
  admin_state_up: boolean;
  shared: boolean;
  'router:external': boolean;
  tags: string[];
  revision_number: number;
  project_id: string;
  'provider:segmentation_id': number | null;
}

describe('openstack network (real CLI, real cluster)', () => {
  const name = `e2e-net-${Date.now()}`;
  let net: NetworkShow;

  before(async () => {
    await e2eStack();
  });

  it('When a member creates a network, then it is ACTIVE and the CR is in the project namespace', async () => {
    net = await openstackJson<NetworkShow>('openstack-sim-demo', ['network', 'create', name]);
    assert.equal(net.status, 'ACTIVE');
    assert.equal(net.revision_number, 1);
    const row = (await kubectl(['get', 'networks.openstack.sim', '-n', `os-${net.project_id}`, '--no-headers'])).split('\n').find((l) => l.startsWith(net.id));
    assert.ok(row, `no kubectl row for ${net.id}`);
    assert.ok(row.includes(name), `the row shows the network's name: ${row}`);
  });

  it('When the network is set and unset, then show tells the new name, description, state and tags', async () => {
    await openstack('openstack-sim-demo', ['network', 'set', '--name', `${name}-b`, '--description', 'e2e', '--disable', '--tag', 'red', '--tag', 'blue', net.id]);
    await openstack('openstack-sim-demo', ['network', 'unset', '--tag', 'red', net.id]);
    const shown = await openstackJson<NetworkShow>('openstack-sim-demo', ['network', 'show', `${name}-b`]);
    assert.equal(shown.description, 'e2e');
    assert.equal(shown.admin_state_up, false);
    assert.deepEqual(shown.tags, ['blue']);
    assert.ok(shown.revision_number > 1);
    const listed = await openstackJson<{ ID: string }[]>('openstack-sim-demo', ['network', 'list', '--tags', 'blue']);
    assert.ok(listed.some((r) => r.ID === net.id));
  });

  it('When a subnet is created, set, unset and listed, then Neutron\'s defaults and the changes show, and the network lists it', async () => {
    const sub = await openstackJson<{ id: string; gateway_ip: string; allocation_pools: { start: string; end: string }[]; cidr: string }>(
      'openstack-sim-demo', ['subnet', 'create', '--network', net.id, '--subnet-range', '10.42.0.0/24', `${name}-sub`]);
    assert.equal(sub.gateway_ip, '10.42.0.1');
    assert.deepEqual(sub.allocation_pools, [{ start: '10.42.0.2', end: '10.42.0.254' }]);
    await openstack('openstack-sim-demo', ['subnet', 'set', '--dns-nameserver', '10.42.0.53', '--tag', 'green', sub.id]);
    let shown = await openstackJson<{ dns_nameservers: string[]; tags: string[] }>('openstack-sim-demo', ['subnet', 'show', sub.id]);
    assert.deepEqual(shown.dns_nameservers, ['10.42.0.53']);
    assert.deepEqual(shown.tags, ['green']);
    await openstack('openstack-sim-demo', ['subnet', 'unset', '--dns-nameserver', '10.42.0.53', sub.id]);
    shown = await openstackJson<{ dns_nameservers: string[]; tags: string[] }>('openstack-sim-demo', ['subnet', 'show', sub.id]);
    assert.deepEqual(shown.dns_nameservers, []);
    const rows = await openstackJson<{ ID: string; Subnet: string }[]>('openstack-sim-demo', ['subnet', 'list', '--network', net.id]);
    assert.deepEqual(rows.map((r) => [r.ID, r.Subnet]), [[sub.id, '10.42.0.0/24']]);
    const nets = await openstackJson<{ ID: string; Subnets: string[] | string }[]>('openstack-sim-demo', ['network', 'list']);
    assert.ok([nets.find((r) => r.ID === net.id)?.Subnets].flat().includes(sub.id));
    await assert.rejects(
      openstack('openstack-sim-demo', ['subnet', 'create', '--network', net.id, '--subnet-range', '10.42.0.128/25', `${name}-overlap`]),
      /overlaps with another subnet/,
    );
  });

  it('When ports are created, set and deleted, then addresses come from the subnet, a taken one is refused, and the subnet is in use meanwhile', async () => {
    const port = await openstackJson<{ id: string; fixed_ips: { ip_address: string }[]; mac_address: string; status: string }>(
      'openstack-sim-demo', ['port', 'create', '--network', net.id, '--fixed-ip', 'ip-address=10.42.0.10', `${name}-port`]);
    assert.equal(port.fixed_ips[0].ip_address, '10.42.0.10');
    assert.match(port.mac_address, /^fa:16:3e:/);
    assert.equal(port.status, 'DOWN');
    await assert.rejects(
      openstack('openstack-sim-demo', ['port', 'create', '--network', net.id, '--fixed-ip', 'ip-address=10.42.0.10', `${name}-dup`]),
      /IP address 10.42.0.10 already allocated/,
    );
    await openstack('openstack-sim-demo', ['port', 'set', '--name', `${name}-port2`, '--tag', 'web', port.id]);
    const rows = await openstackJson<{ ID: string; Name: string; 'Fixed IP Addresses': unknown }[]>('openstack-sim-demo', ['port', 'list', '--network', net.id]);
    assert.deepEqual(rows.map((r) => [r.ID, r.Name]), [[port.id, `${name}-port2`]]);
    await assert.rejects(openstack('openstack-sim-demo', ['subnet', 'delete', `${name}-sub`]), /One or more ports have an IP allocation/);
    await assert.rejects(openstack('openstack-sim-demo', ['network', 'delete', net.id]), /ports still in use/);
    await openstack('openstack-sim-demo', ['port', 'delete', port.id]);
    const again = await openstackJson<{ fixed_ips: { ip_address: string }[]; id: string }>('openstack-sim-demo', ['port', 'create', '--network', net.id, '--fixed-ip', 'ip-address=10.42.0.10', `${name}-again`]);
    assert.equal(again.fixed_ips[0].ip_address, '10.42.0.10', 'the address was freed with its port');
    await openstack('openstack-sim-demo', ['port', 'delete', again.id]);
  });

  it('When a security group gets rules, then kubectl shows its NetworkPolicy with them; a duplicate rule is refused', async () => {
    const sg = await openstackJson<{ id: string; rules: unknown[] }>('openstack-sim-demo', ['security', 'group', 'create', `${name}-sg`]);
    assert.equal(sg.rules.length, 2, 'the two egress rules every group starts with');
    await openstack('openstack-sim-demo', ['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '10.0.0.0/8', sg.id]);
    await assert.rejects(
      openstack('openstack-sim-demo', ['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '10.0.0.0/8', sg.id]),
      /Security group rule already exists/,
    );
    const groups = await openstackJson<{ Name: string }[]>('openstack-sim-demo', ['security', 'group', 'list']);
    assert.ok(groups.some((g) => g.Name === 'default'), 'the project has its default group');
    const ns = `os-${net.project_id}`;
    let policy: { spec: { ingress?: { ports?: { port: number }[]; from?: { ipBlock?: { cidr: string } }[] }[] } } | undefined;
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const list = JSON.parse(await kubectl(['get', 'networkpolicies', '-n', ns, '-l', `openstack.sim/security-group-id=${sg.id}`, '-o', 'json'])) as { items: NonNullable<typeof policy>[] };
      policy = list.items[0];
      if (policy?.spec.ingress?.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.deepEqual(policy?.spec.ingress, [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 22, protocol: 'TCP' }] }]);
    await openstack('openstack-sim-demo', ['security', 'group', 'delete', sg.id]);
  });

  it('When a server is created on the network with a security group, then it shows the subnet\'s address and its Pod is in the group', async () => {
    const sg = await openstackJson<{ id: string }>('openstack-sim-demo', ['security', 'group', 'create', `${name}-web`]);
    const vm = await openstackJson<{ id: string; addresses: Record<string, string[]> | string; status: string }>('openstack-sim-demo',
      ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--network', net.id, '--security-group', sg.id, '--wait', `${name}-vm`]);
    assert.equal(vm.status, 'ACTIVE');
    const shown = await openstackJson<{ addresses: Record<string, string[]> }>('openstack-sim-demo', ['server', 'show', vm.id]);
    const addrs = Object.values(shown.addresses).flat();
    assert.ok(addrs.length === 1 && /^10\.42\.0\.\d+$/.test(addrs[0]), JSON.stringify(shown.addresses));
    let ports: { ID: string; Status: string }[] = [];
    for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
      ports = await openstackJson<{ ID: string; Status: string }[]>('openstack-sim-demo', ['port', 'list', '--server', vm.id]);
      if (ports[0]?.Status === 'ACTIVE') break;
    }
    assert.equal(ports.length, 1);
    assert.equal(ports[0].Status, 'ACTIVE', 'the port is ACTIVE with its server');
    const labels = JSON.parse(await kubectl(['get', 'pod', vm.id, '-n', `os-${net.project_id}`, '-o', 'jsonpath={.metadata.labels}'])) as Record<string, string>;
    assert.equal(labels[`sg.openstack.sim/${sg.id}`], 'member');
    await openstack('openstack-sim-demo', ['server', 'delete', '--wait', vm.id]);
    const left = await openstackJson<{ ID: string }[]>('openstack-sim-demo', ['port', 'list', '--device-id', vm.id]);
    assert.deepEqual(left, [], 'the server\'s port went with it');
    await openstack('openstack-sim-demo', ['security', 'group', 'delete', sg.id]);
  });

  it('When a router gets a gateway on an external network and an interface on the subnet, then show tells both, and both go again', async () => {
    const ext = await openstackJson<{ id: string }>('openstack-sim', ['network', 'create', '--external', '--share', `${name}-public`]);
    await openstack('openstack-sim', ['subnet', 'create', '--network', ext.id, '--subnet-range', '172.24.42.0/24', `${name}-public-sub`]);
    const router = await openstackJson<{ id: string }>('openstack-sim-demo', ['router', 'create', `${name}-router`]);
    await openstack('openstack-sim-demo', ['router', 'set', '--external-gateway', ext.id, router.id]);
    await openstack('openstack-sim-demo', ['router', 'add', 'subnet', router.id, `${name}-sub`]);
    const shown = await openstackJson<{ status: string; external_gateway_info: { network_id: string; external_fixed_ips: { ip_address: string }[] }; interfaces_info?: { ip_address: string }[] }>(
      'openstack-sim-demo', ['router', 'show', router.id]);
    assert.equal(shown.status, 'ACTIVE');
    assert.equal(shown.external_gateway_info.network_id, ext.id);
    assert.match(shown.external_gateway_info.external_fixed_ips[0].ip_address, /^172\.24\.42\.\d+$/);
    const ifaces = await openstackJson<{ ID: string; 'Fixed IP Addresses': unknown }[]>('openstack-sim-demo', ['port', 'list', '--router', router.id]);
    assert.equal(ifaces.length, 1, 'the interface port');
    await openstack('openstack-sim-demo', ['router', 'remove', 'subnet', router.id, `${name}-sub`]);
    await openstack('openstack-sim-demo', ['router', 'unset', '--external-gateway', router.id]);
    await openstack('openstack-sim-demo', ['router', 'delete', router.id]);
    await assert.rejects(openstack('openstack-sim-demo', ['router', 'show', router.id]), /No Router found/);
    await openstack('openstack-sim', ['network', 'delete', ext.id]);
  });

  it('When another project looks for the network, then it does not exist for them', async () => {
    await assert.rejects(openstack('openstack-sim-alt-demo', ['network', 'show', net.id]), /No Network found/);
    const theirs = await openstackJson<{ ID: string }[]>('openstack-sim-alt-demo', ['network', 'list']);
    assert.equal(theirs.some((r) => r.ID === net.id), false);
  });

  it('When an admin makes a shared external VLAN network, then everyone sees it and its VLAN cannot be taken twice', async () => {
    const ext = await openstackJson<NetworkShow>('openstack-sim', ['network', 'create', '--share', '--external', '--provider-network-type', 'vlan',
      '--provider-physical-network', 'physnet-e2e', '--provider-segment', '42', `${name}-ext`]);
    assert.equal(ext['provider:segmentation_id'], 42);
    assert.equal(ext['router:external'], true);
    const seen = await openstackJson<{ ID: string }[]>('openstack-sim-alt-demo', ['network', 'list', '--external']);
    assert.ok(seen.some((r) => r.ID === ext.id));
    await assert.rejects(
      openstack('openstack-sim', ['network', 'create', '--provider-network-type', 'vlan', '--provider-physical-network', 'physnet-e2e', '--provider-segment', '42', `${name}-dup`]),
      /409.*VLAN 42 on physical network physnet-e2e is in use/s,
    );
    await assert.rejects(openstack('openstack-sim-demo', ['network', 'delete', ext.id]), /403|disallowed by policy/);
    await openstack('openstack-sim', ['network', 'delete', ext.id]);
  });

  it('When the network is deleted, then it and its subnet are gone from the API and from kubectl', async () => {
    await openstack('openstack-sim-demo', ['network', 'delete', net.id]);
    await assert.rejects(openstack('openstack-sim-demo', ['subnet', 'show', `${name}-sub`]), /No Subnet found/);
    assert.equal((await kubectl(['get', 'subnets.openstack.sim', '-n', `os-${net.project_id}`, '--no-headers'])).includes(`${name}-sub`), false);
    await assert.rejects(openstack('openstack-sim-demo', ['network', 'show', net.id]), /No Network found/);
    await assert.rejects(kubectl(['get', 'networks.openstack.sim', net.id, '-n', `os-${net.project_id}`]), /NotFound/);
  });
});
