// Neutron ports through the whole app: addresses from the subnet (chosen or specific), MACs,
// Neutron's 409s for taken and exhausted addresses, release on delete, the in-use 409s of networks
// and subnets, and IPAM under concurrency (the 100 creates for 61 free addresses).
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import type { AddressAllocation } from '../../../../crds/types.generated.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const PORTS = '/network/v2.0/ports';

describe('Neutron ports', function () {
  this.timeout(60_000);
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let netId: string;
  let subnetId: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    netId = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'private' } })).json.network.id;
    // Random allocations come from .100 up, so the fixed addresses the tests ask for (below .100) are never taken by chance.
    const pool = [{ start: '10.0.0.100', end: '10.0.0.250' }];
    subnetId = (await call(w.url, alice, 'POST', '/network/v2.0/subnets', { subnet: { network_id: netId, ip_version: 4, cidr: '10.0.0.0/24', allocation_pools: pool } })).json.subnet.id;
  });
  after(() => w.close());

  const create = (port: object, token = alice): ReturnType<typeof call> => call(w.url, token, 'POST', PORTS, { port: { network_id: netId, ...port } });
  const allocations = async (): Promise<AddressAllocation[]> => (await w.kube.list<AddressAllocation>(Resources.AddressAllocation)).items;

  it('When a port is created without fixed_ips, then it gets an address from the pool and an fa:16:3e MAC, and is DOWN', async () => {
    const res = await create({ name: 'p1' });
    assert.equal(res.status, 201, res.text);
    const p = res.json.port;
    assert.equal(p.fixed_ips.length, 1);
    assert.equal(p.fixed_ips[0].subnet_id, subnetId);
    assert.match(p.fixed_ips[0].ip_address, /^10\.0\.0\.(\d+)$/);
    assert.notEqual(p.fixed_ips[0].ip_address, '10.0.0.1', 'never the gateway');
    assert.match(p.mac_address, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
    assert.equal(p.status, 'DOWN');
    assert.equal(p.port_security_enabled, true);
    assert.equal('binding:host_id' in p, false, 'binding details are an admin view');
  });

  it('When a specific address is asked for twice, then the second is 409 IpAddressAlreadyAllocated; the gateway is taken too', async () => {
    // The port of the test before took a random address: ask for one it did not get.
    const held = (await call(w.url, alice, 'GET', PORTS)).json.ports.flatMap((p: { fixed_ips: { ip_address: string }[] }) => p.fixed_ips.map((f) => f.ip_address));
    const ip = ['10.0.0.50', '10.0.0.51'].find((a) => !held.includes(a))!;
    const first = await create({ fixed_ips: [{ ip_address: ip }] });
    assert.equal(first.status, 201, first.text);
    assert.deepEqual(first.json.port.fixed_ips, [{ subnet_id: subnetId, ip_address: ip }]);
    const second = await create({ fixed_ips: [{ subnet_id: subnetId, ip_address: ip }] });
    assert.equal(second.status, 409);
    assert.equal(second.json.NeutronError.type, 'IpAddressAlreadyAllocated');
    assert.equal((await create({ fixed_ips: [{ ip_address: '10.0.0.1' }] })).status, 409);
    const outside = await create({ fixed_ips: [{ ip_address: '10.9.9.9' }] });
    assert.equal(outside.status, 400);
  });

  it('When a port is deleted, then its address and MAC are free again', async () => {
    const p = (await create({ fixed_ips: [{ ip_address: '10.0.0.60' }] })).json.port;
    const before = (await allocations()).length;
    assert.equal((await call(w.url, alice, 'DELETE', `${PORTS}/${p.id}`)).status, 204);
    assert.equal((await allocations()).length, before - 2, 'the IP and the MAC');
    assert.equal((await create({ fixed_ips: [{ ip_address: '10.0.0.60' }], mac_address: p.mac_address })).status, 201, 'both can be had again');
  });

  it('When a MAC is asked for that another port on the network has, then 409 MacAddressInUse', async () => {
    const mac = (await create({})).json.port.mac_address;
    const res = await create({ mac_address: mac });
    assert.equal(res.status, 409);
    assert.equal(res.json.NeutronError.type, 'MacAddressInUse');
  });

  it('When fixed_ips change, then the new address is claimed and the old one released', async () => {
    const p = (await create({ fixed_ips: [{ ip_address: '10.0.0.70' }] })).json.port;
    const upd = await call(w.url, alice, 'PUT', `${PORTS}/${p.id}`, { port: { fixed_ips: [{ ip_address: '10.0.0.71' }], name: 'moved' } });
    assert.equal(upd.status, 200, upd.text);
    assert.deepEqual(upd.json.port.fixed_ips, [{ subnet_id: subnetId, ip_address: '10.0.0.71' }]);
    assert.equal((await create({ fixed_ips: [{ ip_address: '10.0.0.70' }] })).status, 201, 'the old address was released');
    assert.equal((await create({ fixed_ips: [{ ip_address: '10.0.0.71' }] })).status, 409);
  });

  it('When the network or subnet still has ports, then deleting it is 409 NetworkInUse / SubnetInUse', async () => {
    const net = await call(w.url, alice, 'DELETE', `/network/v2.0/networks/${netId}`);
    assert.equal(net.status, 409);
    assert.equal(net.json.NeutronError.type, 'NetworkInUse');
    const sub = await call(w.url, alice, 'DELETE', `/network/v2.0/subnets/${subnetId}`);
    assert.equal(sub.status, 409);
    assert.equal(sub.json.NeutronError.type, 'SubnetInUse');
  });

  it('When ports are listed by device_id, fixed_ips or fields, then the filters apply, and an admin sees them', async () => {
    const p = (await create({ device_id: 'vm-1', device_owner: 'compute:nova' })).json.port;
    const byDevice = await call(w.url, alice, 'GET', `${PORTS}?device_id=vm-1`);
    assert.deepEqual(byDevice.json.ports.map((x: { id: string }) => x.id), [p.id]);
    const ip = p.fixed_ips[0].ip_address;
    const byIp = await call(w.url, alice, 'GET', `${PORTS}?fixed_ips=ip_address%3D${ip}`);
    assert.deepEqual(byIp.json.ports.map((x: { id: string }) => x.id), [p.id]);
    const osc = await call(w.url, alice, 'GET', `${PORTS}?fields=id&fields=name&fields=mac_address&fields=fixed_ips&fields=status`);
    assert.deepEqual(Object.keys(osc.json.ports[0]).sort(), ['fixed_ips', 'id', 'mac_address', 'name', 'status']);
    assert.equal((await call(w.url, admin, 'GET', `${PORTS}/${p.id}`)).status, 200, 'an admin sees it');
  });

  it('When a member sets binding:host_id or names a security group, then 403 and 404; port security off with address pairs is 409', async () => {
    assert.equal((await create({ 'binding:host_id': 'node-1' })).status, 403);
    assert.equal((await create({ security_groups: ['default'] })).status, 404);
    assert.equal((await create({ port_security_enabled: false, allowed_address_pairs: [{ ip_address: '10.0.0.200' }] })).status, 409);
    const admins = await create({ 'binding:host_id': 'node-1' }, admin);
    assert.equal(admins.status, 201, admins.text);
    assert.equal(admins.json.port['binding:host_id'], 'node-1');
  });

  it('When 100 ports are created at once on a subnet with 61 free addresses, then exactly 61 get distinct addresses, 39 get 409, and deleting them leaks nothing', async () => {
    const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'small' } })).json.network.id;
    const sub = (await call(w.url, alice, 'POST', '/network/v2.0/subnets', { subnet: { network_id: net, ip_version: 4, cidr: '10.60.0.0/26' } })).json.subnet;
    assert.deepEqual(sub.allocation_pools, [{ start: '10.60.0.2', end: '10.60.0.62' }], '61 free addresses');
    const before = (await allocations()).length;
    const results = await Promise.all(Array.from({ length: 100 }, () => call(w.url, alice, 'POST', PORTS, { port: { network_id: net } })));
    const made = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    assert.equal(made.length, 61);
    assert.equal(refused.length, 39);
    assert.ok(refused.every((r) => r.json.NeutronError.type === 'IpAddressGenerationFailure'));
    const addresses = made.map((r) => r.json.port.fixed_ips[0].ip_address);
    assert.equal(new Set(addresses).size, 61, 'no address twice');
    assert.equal((await allocations()).length, before + 61 * 2, 'an IP and a MAC per port, nothing left from the refused ones');
    await Promise.all(made.map((r) => call(w.url, alice, 'DELETE', `${PORTS}/${r.json.port.id}`)));
    assert.equal((await allocations()).length, before, 'nothing leaked');
  });

  it('When ports are created in bulk, then all are made; when one of them fails, none is, and nothing is left allocated', async () => {
    const before = (await allocations()).length;
    const ok = await call(w.url, alice, 'POST', PORTS, { ports: [{ network_id: netId, name: 'b1' }, { network_id: netId, name: 'b2' }] });
    assert.equal(ok.status, 201, ok.text);
    assert.deepEqual(ok.json.ports.map((p: { name: string }) => p.name), ['b1', 'b2']);
    const bad = await call(w.url, alice, 'POST', PORTS, { ports: [{ network_id: netId, name: 'b3' }, { network_id: netId, fixed_ips: [{ ip_address: ok.json.ports[0].fixed_ips[0].ip_address }] }] });
    assert.equal(bad.status, 409);
    const names = (await call(w.url, alice, 'GET', `${PORTS}?name=b3`)).json.ports;
    assert.deepEqual(names, [], 'the first port of the failed bulk was deleted again');
    assert.equal((await allocations()).length, before + 4, 'only the two good ports hold addresses');
    await Promise.all(ok.json.ports.map((p: { id: string }) => call(w.url, alice, 'DELETE', `${PORTS}/${p.id}`)));
  });
});
