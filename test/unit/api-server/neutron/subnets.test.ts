// Neutron subnets through the whole app: what `openstack subnet create` and Terraform send, Neutron's
// defaults (gateway, pools, DHCP), its 400s and 409s, the atomic overlap check on the network, and
// the network's subnets list.
import assert from 'node:assert/strict';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const SUBNETS = '/network/v2.0/subnets';

describe('Neutron subnets', () => {
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let netId: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    netId = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'private' } })).json.network.id;
  });
  after(() => w.close());

  const create = (token: string, subnet: object): ReturnType<typeof call> => call(w.url, token, 'POST', SUBNETS, { subnet: { network_id: netId, ...subnet } });

  it('When the CLI creates an IPv4 subnet, then the gateway is the first address, the pool the rest, DHCP on, and the network lists it', async () => {
    const res = await create(alice, { name: 'private-subnet', ip_version: 4, cidr: '10.0.0.0/24' });
    assert.equal(res.status, 201, res.text);
    const s = res.json.subnet;
    assert.equal(s.gateway_ip, '10.0.0.1');
    assert.deepEqual(s.allocation_pools, [{ start: '10.0.0.2', end: '10.0.0.254' }]);
    assert.equal(s.enable_dhcp, true);
    assert.equal(s.revision_number, 1);
    assert.deepEqual(s.dns_nameservers, []);
    const net = (await call(w.url, alice, 'GET', `/network/v2.0/networks/${netId}`)).json.network;
    assert.deepEqual(net.subnets, [s.id]);
  });

  it('When a subnet overlaps another on the same network, then 400; on another network it is fine', async () => {
    const res = await create(alice, { ip_version: 4, cidr: '10.0.0.128/25' });
    assert.equal(res.status, 400);
    assert.match(res.json.NeutronError.message, /overlaps with another subnet/);
    const other = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'other' } })).json.network.id;
    assert.equal((await call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: other, ip_version: 4, cidr: '10.0.0.0/24' } })).status, 201);
  });

  it('When overlapping subnets are created at once, then exactly one is made', async () => {
    const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'race' } })).json.network.id;
    const cidrs = ['192.168.0.0/24', '192.168.0.0/25', '192.168.0.128/25', '192.168.0.0/16', '192.168.0.64/26'];
    const results = await Promise.all(cidrs.map((cidr) => call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: net, ip_version: 4, cidr } })));
    assert.equal(results.filter((r) => r.status === 201).length, 1, results.map((r) => r.status).join(','));
    assert.ok(results.every((r) => r.status === 201 || r.status === 400));
    const listed = (await call(w.url, alice, 'GET', `${SUBNETS}?network_id=${net}`)).json.subnets;
    assert.equal(listed.length, 1, 'the network and the subnets agree');
  });

  const bad: { name: string; subnet: object; status: number; message: RegExp }[] = [
    { name: 'an invalid CIDR', subnet: { ip_version: 4, cidr: '10.1.0.0/33' }, status: 400, message: /not a valid IP subnet/ },
    { name: 'host bits in the CIDR', subnet: { ip_version: 4, cidr: '10.1.0.1/24' }, status: 400, message: /'10.1.0.0\/24' is recommended/ },
    { name: 'a CIDR of the other version', subnet: { ip_version: 6, cidr: '10.1.0.0/24' }, status: 400, message: /not an IPv6 subnet/ },
    { name: 'a pool outside the CIDR', subnet: { ip_version: 4, cidr: '10.2.0.0/24', allocation_pools: [{ start: '10.2.0.10', end: '10.2.1.10' }] }, status: 400, message: /spans beyond the subnet cidr/ },
    { name: 'overlapping pools', subnet: { ip_version: 4, cidr: '10.3.0.0/24', allocation_pools: [{ start: '10.3.0.10', end: '10.3.0.20' }, { start: '10.3.0.15', end: '10.3.0.30' }] }, status: 400, message: /overlapping allocation pools/ },
    { name: 'a gateway inside a pool', subnet: { ip_version: 4, cidr: '10.4.0.0/24', gateway_ip: '10.4.0.15', allocation_pools: [{ start: '10.4.0.10', end: '10.4.0.20' }] }, status: 409, message: /conflicts with allocation pool/ },
    { name: 'a gateway that is no address', subnet: { ip_version: 4, cidr: '10.5.0.0/24', gateway_ip: 'ten' }, status: 400, message: /not a valid IPv4 address/ },
    { name: 'six nameservers', subnet: { ip_version: 4, cidr: '10.6.0.0/24', dns_nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4', '9.9.9.9', '4.4.4.4'] }, status: 400, message: /exceeds the limit 5/ },
    { name: 'IPv6 modes on IPv4', subnet: { ip_version: 4, cidr: '10.7.0.0/24', ipv6_ra_mode: 'slaac' }, status: 400, message: /ip_version is 4/ },
    { name: 'an unknown attribute', subnet: { ip_version: 4, cidr: '10.8.0.0/24', colour: 'red' }, status: 400, message: /./ },
    { name: 'a subnet pool that does not exist', subnet: { ip_version: 4, subnetpool_id: 'x' }, status: 404, message: /Subnet pool x could not be found/ },
  ];
  for (const c of bad) {
    it(`When the request has ${c.name}, then ${c.status} in NeutronError form and nothing is made`, async () => {
      const before = (await call(w.url, alice, 'GET', SUBNETS)).json.subnets.length;
      const res = await create(alice, c.subnet);
      assert.equal(res.status, c.status, res.text);
      assert.match(res.json.NeutronError.message, c.message);
      assert.equal((await call(w.url, alice, 'GET', SUBNETS)).json.subnets.length, before);
    });
  }

  it('When an IPv6 SLAAC subnet is created, then its addresses are canonical and the pool starts after the gateway', async () => {
    const res = await create(alice, { ip_version: 6, cidr: '2001:DB8:0:0::/64', ipv6_ra_mode: 'slaac', ipv6_address_mode: 'slaac' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.subnet.cidr, '2001:db8::/64');
    assert.equal(res.json.subnet.gateway_ip, '2001:db8::1');
    assert.deepEqual(res.json.subnet.allocation_pools, [{ start: '2001:db8::2', end: '2001:db8::ffff:ffff:ffff:ffff' }]);
  });

  it('When a subnet has no gateway, then gateway_ip is null and the pool covers the whole range', async () => {
    const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'nogw' } })).json.network.id;
    const res = await call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: net, ip_version: 4, cidr: '172.16.0.0/28', gateway_ip: null } });
    assert.equal(res.json.subnet.gateway_ip, null);
    assert.deepEqual(res.json.subnet.allocation_pools, [{ start: '172.16.0.1', end: '172.16.0.14' }]);
  });

  it('When a subnet is updated, then DNS and the name change, a pool over the gateway is 409, and an old revision 412', async () => {
    const id = (await create(alice, { ip_version: 4, cidr: '10.20.0.0/24' })).json.subnet.id;
    const upd = await call(w.url, alice, 'PUT', `${SUBNETS}/${id}`, { subnet: { name: 'renamed', dns_nameservers: ['8.8.8.8'] } });
    assert.equal(upd.status, 200, upd.text);
    assert.equal(upd.json.subnet.name, 'renamed');
    assert.deepEqual(upd.json.subnet.dns_nameservers, ['8.8.8.8']);
    assert.equal(upd.json.subnet.revision_number, 2);
    assert.equal((await call(w.url, alice, 'PUT', `${SUBNETS}/${id}`, { subnet: { allocation_pools: [{ start: '10.20.0.1', end: '10.20.0.9' }] } })).status, 409);
    assert.equal((await call(w.url, alice, 'PUT', `${SUBNETS}/${id}`, { subnet: { name: 'x' } }, { 'If-Match': 'revision_number=1' })).status, 412);
  });

  it('When another project looks at the subnet, then it is 404; a shared network\'s subnets are visible but not theirs to create', async () => {
    const id = (await call(w.url, alice, 'GET', `${SUBNETS}?cidr=10.0.0.0/24&network_id=${netId}`)).json.subnets[0].id;
    assert.equal((await call(w.url, admin, 'GET', `${SUBNETS}/${id}`)).status, 200, 'an admin sees it');
    const carol = await w.login('carol', 'demo');
    assert.equal((await call(w.url, carol, 'POST', SUBNETS, { subnet: { network_id: netId, ip_version: 4, cidr: '10.99.0.0/24' } })).status, 403, 'a reader may not create');
    const shared = (await call(w.url, admin, 'POST', '/network/v2.0/networks', { network: { name: 'shared', shared: true } })).json.network.id;
    const sub = await call(w.url, admin, 'POST', SUBNETS, { subnet: { network_id: shared, ip_version: 4, cidr: '10.50.0.0/24' } });
    assert.equal((await call(w.url, alice, 'GET', `${SUBNETS}/${sub.json.subnet.id}`)).status, 200, 'visible on a shared network');
    const theirs = await call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: shared, ip_version: 4, cidr: '10.51.0.0/24' } });
    assert.equal(theirs.status, 403);
    const adminPrivate = (await call(w.url, admin, 'POST', '/network/v2.0/networks', { network: { name: 'adm' } })).json.network.id;
    const hidden = (await call(w.url, admin, 'POST', SUBNETS, { subnet: { network_id: adminPrivate, ip_version: 4, cidr: '10.52.0.0/24' } })).json.subnet.id;
    const res = await call(w.url, alice, 'GET', `${SUBNETS}/${hidden}`);
    assert.equal(res.status, 404);
    assert.equal(res.json.NeutronError.type, 'SubnetNotFound');
  });

  it('When a subnet is deleted, then the network no longer lists it and its CIDR is free again; deleting a network takes its subnets', async () => {
    const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'del' } })).json.network.id;
    const sub = (await call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: net, ip_version: 4, cidr: '10.30.0.0/24' } })).json.subnet.id;
    assert.equal((await call(w.url, alice, 'DELETE', `${SUBNETS}/${sub}`)).status, 204);
    assert.deepEqual((await call(w.url, alice, 'GET', `/network/v2.0/networks/${net}`)).json.network.subnets, []);
    const again = (await call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: net, ip_version: 4, cidr: '10.30.0.0/24' } })).json.subnet.id;
    assert.equal((await call(w.url, alice, 'DELETE', `/network/v2.0/networks/${net}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `${SUBNETS}/${again}`)).status, 404);
  });
});
