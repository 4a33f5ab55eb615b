// Neutron floating IPs through the whole app: allocation from the external subnet by a port that
// belongs to no project, association (which needs a router between the port's subnet and the
// external network), one floating IP per fixed IP, disassociation by port_id null and by deleting
// the port, the admin-only address, the router 409s while a floating IP needs it, tenant isolation, and cleanup.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import type { AddressAllocation } from '../../../../crds/types.generated.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const FIPS = '/network/v2.0/floatingips';
const NET = '/network/v2.0';

describe('Neutron floating IPs', () => {
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let publicNet: string;
  let privateNet: string;
  let privateSubnet: string;
  let router: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    publicNet = (await call(w.url, admin, 'POST', `${NET}/networks`, { network: { name: 'public', 'router:external': true } })).json.network.id;
    await call(w.url, admin, 'POST', `${NET}/subnets`, { subnet: { network_id: publicNet, ip_version: 4, cidr: '172.24.4.0/24' } });
    privateNet = (await call(w.url, alice, 'POST', `${NET}/networks`, { network: { name: 'private' } })).json.network.id;
    privateSubnet = (await call(w.url, alice, 'POST', `${NET}/subnets`, { subnet: { network_id: privateNet, ip_version: 4, cidr: '10.0.0.0/24' } })).json.subnet.id;
  });
  after(() => w.close());

  const newPort = async (): Promise<{ id: string; fixed_ips: { ip_address: string }[] }> =>
    (await call(w.url, alice, 'POST', `${NET}/ports`, { port: { network_id: privateNet } })).json.port;

  it('When a floating IP is created on the external network, then it is DOWN with an address from its subnet, held by a port of no project', async () => {
    const res = await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, description: 'web' } });
    assert.equal(res.status, 201, res.text);
    const f = res.json.floatingip;
    assert.match(f.floating_ip_address, /^172\.24\.4\.\d+$/);
    assert.deepEqual([f.status, f.port_id, f.fixed_ip_address, f.router_id, f.port_details, f.description], ['DOWN', null, null, null, null, 'web']);
    assert.equal((await call(w.url, alice, 'GET', `${NET}/ports?device_id=${f.id}`)).json.ports.length, 0, 'not the project\'s port');
    const held = (await call(w.url, admin, 'GET', `${NET}/ports?device_id=${f.id}`)).json.ports;
    assert.deepEqual([held[0].device_owner, held[0].fixed_ips[0].ip_address], ['network:floatingip', f.floating_ip_address]);
    assert.equal((await call(w.url, admin, 'DELETE', `${NET}/ports/${held[0].id}`)).status, 409, 'not deleted through the port API');
  });

  it('When the network is not external, or the address is asked for by a member, then 400 and 403, and nothing is made', async () => {
    const before = (await call(w.url, admin, 'GET', FIPS)).json.floatingips.length;
    const notExternal = await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: privateNet } });
    assert.equal(notExternal.status, 400);
    assert.match(notExternal.json.NeutronError.message, /not a valid external network/);
    assert.equal((await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, floating_ip_address: '172.24.4.99' } })).status, 403);
    assert.equal((await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: 'nope' } })).status, 404);
    assert.equal((await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, bogus: 1 } })).status, 400);
    assert.equal((await call(w.url, admin, 'GET', FIPS)).json.floatingips.length, before);
  });

  it('When associating without a router to the external network, then 404 ExternalGatewayForFloatingIPNotFound; with one, the floating IP names the port, fixed IP and router', async () => {
    const port = await newPort();
    const f = (await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet } })).json.floatingip;
    const noRouter = await call(w.url, alice, 'PUT', `${FIPS}/${f.id}`, { floatingip: { port_id: port.id } });
    assert.equal(noRouter.status, 404);
    assert.equal(noRouter.json.NeutronError.type, 'ExternalGatewayForFloatingIPNotFound');
    router = (await call(w.url, alice, 'POST', `${NET}/routers`, { router: { name: 'router1', external_gateway_info: { network_id: publicNet } } })).json.router.id;
    await call(w.url, alice, 'PUT', `${NET}/routers/${router}/add_router_interface`, { subnet_id: privateSubnet });
    const res = await call(w.url, alice, 'PUT', `${FIPS}/${f.id}`, { floatingip: { port_id: port.id } });
    assert.equal(res.status, 200, res.text);
    const got = res.json.floatingip;
    assert.deepEqual([got.port_id, got.fixed_ip_address, got.router_id, got.port_details.network_id], [port.id, port.fixed_ips[0].ip_address, router, privateNet]);
    assert.equal((await call(w.url, alice, 'GET', `${FIPS}?port_id=${port.id}`)).json.floatingips[0].id, f.id);
  });

  it('When a second floating IP is associated with a fixed IP that has one, then 409; after disassociation (port_id null) it may', async () => {
    const port = await newPort();
    const first = (await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, port_id: port.id } })).json.floatingip;
    assert.equal(first.port_id, port.id, 'associated on create');
    const second = (await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet } })).json.floatingip;
    const taken = await call(w.url, alice, 'PUT', `${FIPS}/${second.id}`, { floatingip: { port_id: port.id } });
    assert.equal(taken.status, 409);
    assert.equal(taken.json.NeutronError.type, 'FloatingIPPortAlreadyAssociated');
    const off = await call(w.url, alice, 'PUT', `${FIPS}/${first.id}`, { floatingip: { port_id: null } });
    assert.deepEqual([off.json.floatingip.port_id, off.json.floatingip.fixed_ip_address, off.json.floatingip.router_id, off.json.floatingip.status], [null, null, null, 'DOWN']);
    assert.equal((await call(w.url, alice, 'PUT', `${FIPS}/${second.id}`, { floatingip: { port_id: port.id } })).status, 200);
  });

  it('When a fixed IP is named that the port lacks, or given without a port, then 400', async () => {
    const port = await newPort();
    const f = (await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet } })).json.floatingip;
    assert.equal((await call(w.url, alice, 'PUT', `${FIPS}/${f.id}`, { floatingip: { port_id: port.id, fixed_ip_address: '10.0.0.250' } })).status, 400);
    assert.equal((await call(w.url, alice, 'PUT', `${FIPS}/${f.id}`, { floatingip: { fixed_ip_address: port.fixed_ips[0].ip_address } })).status, 400);
  });

  it('When an associated port is deleted, then its floating IP is disassociated, and the fixed IP is free again', async () => {
    const port = await newPort();
    const f = (await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, port_id: port.id } })).json.floatingip;
    assert.equal((await call(w.url, alice, 'DELETE', `${NET}/ports/${port.id}`)).status, 204);
    const after = (await call(w.url, alice, 'GET', `${FIPS}/${f.id}`)).json.floatingip;
    assert.deepEqual([after.port_id, after.fixed_ip_address], [null, null]);
    const allocations = (await w.kube.list<AddressAllocation>(Resources.AddressAllocation)).items;
    assert.equal(allocations.filter((a) => a.spec.type === 'floating' && a.spec.pool === port.id).length, 0);
  });

  it('When a floating IP needs the router, then removing its interface or its gateway is 409; another project sees a 404', async () => {
    const port = await newPort();
    const f = (await call(w.url, alice, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, port_id: port.id } })).json.floatingip;
    const iface = await call(w.url, alice, 'PUT', `${NET}/routers/${router}/remove_router_interface`, { subnet_id: privateSubnet });
    assert.equal(iface.status, 409);
    assert.equal(iface.json.NeutronError.type, 'RouterInterfaceInUseByFloatingIP');
    const gw = await call(w.url, alice, 'PUT', `${NET}/routers/${router}`, { router: { external_gateway_info: {} } });
    assert.equal(gw.status, 409);
    assert.equal(gw.json.NeutronError.type, 'RouterExternalGatewayInUseByFloatingIp');
    const carol = await w.login('carol', 'demo');
    assert.equal((await call(w.url, carol, 'PUT', `${FIPS}/${f.id}`, { floatingip: { port_id: null } })).status, 403, 'a reader may not change it');
    const adminsOwn = (await call(w.url, admin, 'POST', FIPS, { floatingip: { floating_network_id: publicNet } })).json.floatingip;
    assert.equal((await call(w.url, alice, 'GET', `${FIPS}/${adminsOwn.id}`)).status, 404, 'another project\'s floating IP');
    assert.equal((await call(w.url, alice, 'DELETE', `${FIPS}/${adminsOwn.id}`)).status, 404);
    assert.equal((await call(w.url, alice, 'GET', FIPS)).json.floatingips.some((x: { id: string }) => x.id === adminsOwn.id), false);
  });

  it('When a floating IP is deleted, then its port and address go with it', async () => {
    // An address no earlier test was given (the allocator may have handed out any of the subnet's).
    const taken = new Set((await call(w.url, admin, 'GET', FIPS)).json.floatingips.map((x: { floating_ip_address: string }) => x.floating_ip_address));
    const ADDR = Array.from({ length: 50 }, (_, i) => `172.24.4.${200 + i}`).find((a) => !taken.has(a))!;
    const f = (await call(w.url, admin, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, floating_ip_address: ADDR, project_id: w.ids.projects.demo } })).json.floatingip;
    assert.equal(f.floating_ip_address, ADDR);
    const dup = await call(w.url, admin, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, floating_ip_address: ADDR } });
    assert.equal(dup.status, 409);
    assert.equal((await call(w.url, alice, 'DELETE', `${FIPS}/${f.id}`)).status, 204);
    assert.equal((await call(w.url, admin, 'GET', `${NET}/ports?device_id=${f.id}`)).json.ports.length, 0);
    assert.equal((await call(w.url, alice, 'GET', `${FIPS}/${f.id}`)).status, 404);
    const again = await call(w.url, admin, 'POST', FIPS, { floatingip: { floating_network_id: publicNet, floating_ip_address: ADDR } });
    assert.equal(again.status, 201, 'the address is free again');
  });
});
