// Neutron routers through the whole app: the DevStack topology (a router with a gateway on the
// external network and an interface on a private subnet), the interface actions' answers and
// 404s (Terraform loops on remove until one), static routes, and the in-use 409s.
import assert from 'node:assert/strict';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const ROUTERS = '/network/v2.0/routers';

describe('Neutron routers', () => {
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let publicNet: string;
  let privateNet: string;
  let privateSubnet: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    publicNet = (await call(w.url, admin, 'POST', '/network/v2.0/networks', { network: { name: 'public', 'router:external': true } })).json.network.id;
    await call(w.url, admin, 'POST', '/network/v2.0/subnets', { subnet: { network_id: publicNet, ip_version: 4, cidr: '172.24.4.0/24' } });
    privateNet = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'private' } })).json.network.id;
    privateSubnet = (await call(w.url, alice, 'POST', '/network/v2.0/subnets', { subnet: { network_id: privateNet, ip_version: 4, cidr: '10.0.0.0/24' } })).json.subnet.id;
  });
  after(() => w.close());

  it('When a router is created with a gateway on the external network, then it is ACTIVE with an external address; the gateway port is not the project\'s', async () => {
    const res = await call(w.url, alice, 'POST', ROUTERS, { router: { name: 'router1', external_gateway_info: { network_id: publicNet } } });
    assert.equal(res.status, 201, res.text);
    const r = res.json.router;
    assert.equal(r.status, 'ACTIVE');
    assert.equal(r.external_gateway_info.network_id, publicNet);
    assert.equal(r.external_gateway_info.enable_snat, true);
    assert.match(r.external_gateway_info.external_fixed_ips[0].ip_address, /^172\.24\.4\.\d+$/);
    const mine = (await call(w.url, alice, 'GET', `/network/v2.0/ports?device_id=${r.id}`)).json.ports;
    assert.equal(mine.length, 0, 'the gateway port belongs to no project');
    const all = (await call(w.url, admin, 'GET', `/network/v2.0/ports?device_id=${r.id}`)).json.ports;
    assert.equal(all[0].device_owner, 'network:router_gateway');
  });

  it('When the gateway is on a network that is not external, then 400 and nothing is made', async () => {
    const before = (await call(w.url, alice, 'GET', ROUTERS)).json.routers.length;
    const res = await call(w.url, alice, 'POST', ROUTERS, { router: { name: 'bad', external_gateway_info: { network_id: privateNet } } });
    assert.equal(res.status, 400);
    assert.match(res.json.NeutronError.message, /not a valid external network/);
    assert.equal((await call(w.url, alice, 'GET', ROUTERS)).json.routers.length, before);
  });

  it('When an interface is added by subnet, then its port holds the subnet\'s gateway; adding it twice is 400; removing twice is 404', async () => {
    const r = (await call(w.url, alice, 'GET', `${ROUTERS}?name=router1`)).json.routers[0].id;
    const add = await call(w.url, alice, 'PUT', `${ROUTERS}/${r}/add_router_interface`, { subnet_id: privateSubnet });
    assert.equal(add.status, 200, add.text);
    assert.deepEqual([add.json.id, add.json.subnet_id, add.json.network_id], [r, privateSubnet, privateNet]);
    const port = (await call(w.url, alice, 'GET', `/network/v2.0/ports/${add.json.port_id}`)).json.port;
    assert.equal(port.device_owner, 'network:router_interface');
    assert.deepEqual(port.fixed_ips, [{ subnet_id: privateSubnet, ip_address: '10.0.0.1' }]);
    assert.equal((await call(w.url, alice, 'PUT', `${ROUTERS}/${r}/add_router_interface`, { subnet_id: privateSubnet })).status, 400);
    assert.equal((await call(w.url, alice, 'DELETE', `/network/v2.0/ports/${add.json.port_id}`)).status, 409, 'not deleted through the port API');
    assert.equal((await call(w.url, alice, 'DELETE', `/network/v2.0/subnets/${privateSubnet}`)).status, 409, 'the subnet is in use');
    assert.equal((await call(w.url, alice, 'DELETE', `${ROUTERS}/${r}`)).status, 409, 'the router still has an interface');
    const routes = await call(w.url, alice, 'PUT', `${ROUTERS}/${r}`, { router: { routes: [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }] } });
    assert.equal(routes.status, 200, routes.text);
    assert.deepEqual(routes.json.router.routes, [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }]);
    assert.equal((await call(w.url, alice, 'PUT', `${ROUTERS}/${r}`, { router: { routes: [{ destination: '192.168.0.0/16', nexthop: '10.9.9.9' }] } })).status, 400, 'a next hop off every connected subnet');
    const remove = await call(w.url, alice, 'PUT', `${ROUTERS}/${r}/remove_router_interface`, { subnet_id: privateSubnet });
    assert.equal(remove.status, 200, remove.text);
    assert.equal((await call(w.url, alice, 'PUT', `${ROUTERS}/${r}/remove_router_interface`, { subnet_id: privateSubnet })).status, 404);
  });

  it('When the gateway is cleared and the router deleted, then their ports go too', async () => {
    const r = (await call(w.url, alice, 'GET', `${ROUTERS}?name=router1`)).json.routers[0].id;
    const cleared = await call(w.url, alice, 'PUT', `${ROUTERS}/${r}`, { router: { external_gateway_info: {} } });
    assert.equal(cleared.status, 200, cleared.text);
    assert.equal(cleared.json.router.external_gateway_info, null);
    assert.equal((await call(w.url, admin, 'GET', `/network/v2.0/ports?device_id=${r}`)).json.ports.length, 0);
    assert.equal((await call(w.url, alice, 'DELETE', `${ROUTERS}/${r}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `${ROUTERS}/${r}`)).status, 404);
  });

  it('When another project looks at a router, then it is 404 RouterNotFound', async () => {
    const theirs = (await call(w.url, admin, 'POST', ROUTERS, { router: { name: 'ops' } })).json.router.id;
    const res = await call(w.url, alice, 'GET', `${ROUTERS}/${theirs}`);
    assert.equal(res.status, 404);
    assert.equal(res.json.NeutronError.type, 'RouterNotFound');
  });

  it('When a gateway names a network that does not exist, then 404; routes set to null are cleared', async () => {
    const r = (await call(w.url, alice, 'POST', ROUTERS, { router: { name: 'gw404' } })).json.router.id;
    const missing = await call(w.url, alice, 'PUT', `${ROUTERS}/${r}`, { router: { external_gateway_info: { network_id: '00000000-0000-4000-8000-000000000000' } } });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.NeutronError.type, 'NetworkNotFound');
    const cleared = await call(w.url, alice, 'PUT', `${ROUTERS}/${r}`, { router: { routes: null } });
    assert.equal(cleared.status, 200, cleared.text);
    assert.deepEqual(cleared.json.router.routes, []);
    await call(w.url, alice, 'DELETE', `${ROUTERS}/${r}`);
  });

  it('When an interface is added on a subnet overlapping one the router already joins, then 400', async () => {
    const r = (await call(w.url, alice, 'POST', ROUTERS, { router: { name: 'overlap' } })).json.router.id;
    const subnetOn = async (name: string): Promise<string> => {
      const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name } })).json.network.id;
      return (await call(w.url, alice, 'POST', '/network/v2.0/subnets', { subnet: { network_id: net, ip_version: 4, cidr: '10.77.0.0/24' } })).json.subnet.id;
    };
    const [a, b] = [await subnetOn('ov-a'), await subnetOn('ov-b')];
    assert.equal((await call(w.url, alice, 'PUT', `${ROUTERS}/${r}/add_router_interface`, { subnet_id: a })).status, 200);
    const clash = await call(w.url, alice, 'PUT', `${ROUTERS}/${r}/add_router_interface`, { subnet_id: b });
    assert.equal(clash.status, 400);
    assert.match(clash.json.NeutronError.message, /overlaps with cidr 10\.77\.0\.0\/24/);
  });
});
