// Neutron subnet pools through the whole app: Tempest's create/list/show/update/delete, Neutron's
// defaults and bounds, subnets allocated from a pool by prefix length (first free, never
// overlapping, also when many are made at once) or with a CIDR inside its prefixes, the default
// pool, prefixes that may only grow, and a pool in use that cannot go.
import assert from 'node:assert/strict';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const POOLS = '/network/v2.0/subnetpools';
const SUBNETS = '/network/v2.0/subnets';

describe('Neutron subnet pools', () => {
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let net: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'pooled' } })).json.network.id;
  });
  after(() => w.close());

  const pool = async (body: object, token = alice): Promise<{ status: number; json: any }> => call(w.url, token, 'POST', POOLS, { subnetpool: body });
  const subnet = async (body: object): Promise<{ status: number; json: any }> => call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: net, ip_version: 4, ...body } });

  it('When a pool is created, listed, shown, renamed and deleted, then each answer tells it, and it is gone after', async () => {
    const made = await pool({ name: 'p', prefixes: ['1.0.0.0/16', '2.0.0.0/16'] });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    const p = made.json.subnetpool;
    assert.deepEqual([p.ip_version, p.min_prefixlen, p.max_prefixlen, p.default_prefixlen, p.shared, p.is_default], [4, 8, 32, 8, false, false], 'Neutron\'s defaults');
    assert.ok((await call(w.url, alice, 'GET', POOLS)).json.subnetpools.some((x: { id: string }) => x.id === p.id));
    assert.equal((await call(w.url, alice, 'PUT', `${POOLS}/${p.id}`, { subnetpool: { name: 'p2' } })).json.subnetpool.name, 'p2');
    assert.equal((await call(w.url, alice, 'DELETE', `${POOLS}/${p.id}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `${POOLS}/${p.id}`)).status, 404);
  });

  const bad: { name: string; body: object; status: number; token?: 'admin' }[] = [
    { name: 'an invalid prefix', body: { name: 'x', prefixes: ['10.0.0.0/33'] }, status: 400 },
    { name: 'mixed IP versions', body: { name: 'x', prefixes: ['10.0.0.0/16', '2001:db8::/48'] }, status: 400 },
    { name: 'a default prefixlen below the minimum', body: { name: 'x', prefixes: ['10.0.0.0/16'], min_prefixlen: 24, default_prefixlen: 20 }, status: 400 },
    { name: 'shared, asked by a member', body: { name: 'x', prefixes: ['10.0.0.0/16'], shared: true }, status: 403 },
  ];
  for (const c of bad) {
    it(`When a pool has ${c.name}, then ${c.status}`, async () => assert.equal((await pool(c.body)).status, c.status));
  }

  it('When subnets ask a pool for a prefix length, then each gets the first free CIDR of that size, and a CIDR asked for must lie in the pool and be free', async () => {
    const p = (await pool({ name: 'alloc', prefixes: ['10.50.0.0/22'], min_prefixlen: 22, default_prefixlen: 24 })).json.subnetpool;
    const a = await subnet({ subnetpool_id: p.id });
    assert.equal(a.status, 201, JSON.stringify(a.json));
    assert.deepEqual([a.json.subnet.cidr, a.json.subnet.subnetpool_id, a.json.subnet.gateway_ip], ['10.50.0.0/24', p.id, '10.50.0.1']);
    const b = await subnet({ subnetpool_id: p.id, prefixlen: 23 });
    assert.equal(b.json.subnet.cidr, '10.50.2.0/23', 'the next free /23 jumps over the /24 taken');
    const inside = await subnet({ subnetpool_id: p.id, cidr: '10.50.1.0/24' });
    assert.equal(inside.status, 201);
    assert.equal((await subnet({ subnetpool_id: p.id, cidr: '192.168.0.0/24' })).status, 400, 'outside the prefixes');
    assert.equal((await subnet({ subnetpool_id: p.id })).status, 409, 'the pool is full');
    assert.equal((await subnet({ subnetpool_id: p.id, prefixlen: 16 })).status, 400, 'below min_prefixlen');
    assert.equal((await call(w.url, alice, 'DELETE', `${POOLS}/${p.id}`)).status, 409, 'in use');
    assert.equal((await call(w.url, alice, 'PUT', `${POOLS}/${p.id}`, { subnetpool: { prefixes: ['10.60.0.0/22'] } })).status, 400, 'prefixes may only grow');
    for (const s of [a, b, inside]) await call(w.url, alice, 'DELETE', `${SUBNETS}/${s.json.subnet.id}`);
    assert.equal((await subnet({ subnetpool_id: p.id })).json.subnet.cidr, '10.50.0.0/24', 'freed with its subnets');
  });

  it('When twelve subnets ask one pool for a /28 at once, then each gets its own CIDR', async () => {
    const p = (await pool({ name: 'race', prefixes: ['10.70.0.0/24'], default_prefixlen: 28 })).json.subnetpool;
    const nets = await Promise.all(Array.from({ length: 12 }, (_, i) => call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: `race-${i}` } })));
    const made = await Promise.all(nets.map((n) => call(w.url, alice, 'POST', SUBNETS, { subnet: { network_id: n.json.network.id, ip_version: 4, subnetpool_id: p.id } })));
    assert.deepEqual(made.map((m) => m.status), Array(12).fill(201));
    const cidrs = made.map((m) => m.json.subnet.cidr as string);
    assert.equal(new Set(cidrs).size, 12, `no CIDR twice: ${cidrs.join(' ')}`);
  });

  it('When a subnet asks for the default pool, then the admin\'s default pool gives it one; without a cidr or a pool it is 400', async () => {
    assert.equal((await subnet({ use_default_subnetpool: true })).status, 400, 'no default pool yet');
    const p = (await pool({ name: 'default-v4', prefixes: ['10.90.0.0/16'], default_prefixlen: 26, is_default: true, shared: true }, admin)).json.subnetpool;
    assert.equal(p.is_default, true);
    const s = await subnet({ use_default_subnetpool: true });
    assert.equal(s.status, 201, JSON.stringify(s.json));
    assert.deepEqual([s.json.subnet.cidr, s.json.subnet.subnetpool_id], ['10.90.0.0/26', p.id]);
    assert.equal((await subnet({})).status, 400);
  });
});
