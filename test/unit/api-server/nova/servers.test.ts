import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { FINALIZER, projectNamespace } from '../../../../crds/naming.js';
import type { Server } from '../../../../crds/types.generated.js';
import { MAX_VERSION } from '../../../../api-server/src/services/nova/microversion.js';
import { call, IMAGE_ID, PRIVATE_FLAVOR_ID, PRIVATE_IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const create = (name: string, extra: object = {}): object => ({ server: { name, imageRef: IMAGE_ID, flavorRef: '1', ...extra } });

describe('Nova /servers', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  let carol: string;

  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
    carol = await w.login('carol', 'demo');
  });
  after(async () => w.close());

  const serverCount = async (): Promise<number> => (await w.kube.list<Server>(Resources.Server)).items.length;

  it('When a server is created, then 202 carries only Tempest-allowed keys and a GET reads it back at once', async () => {
    const res = await call(w.url, admin, 'POST', '/compute/v2.1/servers', create('vm-a'));
    assert.equal(res.status, 202, res.text);
    assert.deepEqual(Object.keys(res.json.server).sort(), ['OS-DCF:diskConfig', 'adminPass', 'id', 'links', 'security_groups']);
    assert.match(res.headers.get('X-Compute-Request-Id') ?? '', /^req-/, 'Nova names the request id in its own header too');
    assert.equal(res.headers.get('X-Compute-Request-Id'), res.headers.get('X-OpenStack-Request-Id'));
    const cr = w.kube.peek<Server>(Resources.Server, res.json.server.id, projectNamespace(w.ids.projects.admin));
    assert.ok(cr, 'Server CR not created in the project namespace');
    assert.equal(cr.spec.flavorRef, '1');
    assert.deepEqual(cr.metadata.finalizers, [FINALIZER], 'the operator\'s finalizer is there from the start');
    const shown = await call(w.url, admin, 'GET', `/compute/v2.1/servers/${res.json.server.id}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.json.server.status, 'BUILD');
    assert.equal(shown.json.server.tenant_id, w.ids.projects.admin);
    assert.equal(shown.json.server.flavor.id, '1');
  });

  const badBodies: [string, unknown, number][] = [
    ['malformed JSON', '{"server": {', 400],
    ['an empty body', '', 400],
    ['an unknown field', { server: { name: 'x', flavorRef: '1', imageRef: IMAGE_ID, colour: 'red' } }, 400],
    ['a numeric name', { server: { name: 12345, flavorRef: '1', imageRef: IMAGE_ID } }, 400],
    ['a 256-character name', create('n'.repeat(256)), 400],
    ['no name', { server: { flavorRef: '1', imageRef: IMAGE_ID } }, 400],
    ['an unknown flavor', { server: { name: 'x', flavorRef: 'nope', imageRef: IMAGE_ID } }, 400],
    ['an unknown image', { server: { name: 'x', flavorRef: '1', imageRef: '11111111-1111-1111-1111-111111111111' } }, 400],
    ['another project\'s private image', { server: { name: 'x', flavorRef: '1', imageRef: PRIVATE_IMAGE_ID } }, 400],
    ['a private flavor the project has no access to', create('x', { flavorRef: PRIVATE_FLAVOR_ID }), 400],
    ['a keypair that does not exist', create('x', { key_name: 'nokey' }), 400],
    ['a network that does not exist', create('x', { networks: [{ uuid: '22222222-2222-2222-2222-222222222222' }] }), 400],
    ['min_count above max_count', create('x', { min_count: 3, max_count: 2 }), 400],
    ['an IPv6 access address with a zone id', create('x', { accessIPv6: 'fe80::1%eth0' }), 400],
    ['65 security groups', create('x', { security_groups: Array.from({ length: 65 }, (_, i) => ({ name: `sg${i}` })) }), 400],
    ['a 255-character name for two servers', create('n'.repeat(255), { max_count: 2 }), 400],
    ['a tag (microversion 2.52, not served)', create('x', { tags: ['web'] }), 400],
  ];

  it('When the body has an empty tags list (as openstacksdk sends at any microversion), then the server is created', async () => {
    const res = await call(w.url, admin, 'POST', '/compute/v2.1/servers', create('vm-tags', { tags: [] }));
    assert.equal(res.status, 202, res.text);
  });
  for (const [what, body, status] of badBodies) {
    it(`When the body has ${what}, then ${status} badRequest and nothing is created`, async () => {
      const before = await serverCount();
      const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', body);
      assert.equal(res.status, status, res.text);
      assert.equal(typeof res.json.badRequest.message, 'string');
      assert.equal(res.json.badRequest.code, status);
      assert.equal(await serverCount(), before);
    });
  }

  it('When a server is booted on a network, then it gets a port there (device the server, the default group), which goes with the server', async () => {
    const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'private' } })).json.network.id;
    await call(w.url, alice, 'POST', '/network/v2.0/subnets', { subnet: { network_id: net, ip_version: 4, cidr: '10.0.0.0/24' } });
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('on-net', { networks: [{ uuid: net, fixed_ip: '10.0.0.20' }] }));
    assert.equal(res.status, 202, res.text);
    const id = res.json.server.id;
    const ports = (await call(w.url, alice, 'GET', `/network/v2.0/ports?device_id=${id}`)).json.ports;
    assert.equal(ports.length, 1);
    assert.deepEqual(ports[0].fixed_ips.map((f: { ip_address: string }) => f.ip_address), ['10.0.0.20']);
    assert.equal(ports[0].device_owner, 'compute:nova');
    const groups = (await call(w.url, alice, 'GET', '/network/v2.0/security-groups?name=default')).json.security_groups;
    assert.deepEqual(ports[0].security_groups, [groups[0].id]);
    const own = (await call(w.url, alice, 'POST', '/network/v2.0/ports', { port: { network_id: net } })).json.port.id;
    const onPort = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('on-port', { networks: [{ port: own }] }));
    assert.equal(onPort.status, 202, onPort.text);
    const taken = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('again', { networks: [{ port: own }] }));
    assert.equal(taken.status, 409, 'a bound port is in use');
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${id}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `/network/v2.0/ports?device_id=${id}`)).json.ports.length, 0, 'the port it made went with it');
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${onPort.json.server.id}`)).status, 204);
    const kept = (await call(w.url, alice, 'GET', `/network/v2.0/ports/${own}`)).json.port;
    assert.equal(kept.device_id, '', 'the user\'s port is unbound and kept');
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('x', { networks: [{ port: '33333333-3333-3333-3333-333333333333' }] }))).status, 400);
    await call(w.url, alice, 'DELETE', `/network/v2.0/ports/${own}`);
  });

  it('When the project has two usable networks and the server names none, then 409; with one, the server gets a port there', async () => {
    const before = await serverCount();
    const a = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'a' } })).json.network.id;
    const b = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'b' } })).json.network.id;
    const two = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('auto'));
    assert.equal(two.status, 409);
    assert.match(two.json.conflictingRequest.message, /Multiple possible networks/);
    assert.equal(await serverCount(), before);
    for (const n of [a, b]) await call(w.url, alice, 'DELETE', `/network/v2.0/networks/${n}`);
  });

  it('When a member boots a private flavor, then it is unknown to them; an admin may boot it', async () => {
    const refused = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('sneaky', { flavorRef: PRIVATE_FLAVOR_ID }));
    assert.equal(refused.status, 400);
    assert.equal(refused.json.badRequest.message, `Flavor ${PRIVATE_FLAVOR_ID} could not be found.`);
    const allowed = await call(w.url, admin, 'POST', '/compute/v2.1/servers', create('admin-private', { flavorRef: PRIVATE_FLAVOR_ID }));
    assert.equal(allowed.status, 202, allowed.text);
  });

  it('When a reader creates or deletes a server, then 403 before the body is read; reading is allowed', async () => {
    const before = await serverCount();
    const res = await call(w.url, carol, 'POST', '/compute/v2.1/servers', create('by-reader'));
    assert.equal(res.status, 403);
    assert.equal(res.json.forbidden.code, 403);
    // Policy comes first: even a malformed body is refused as forbidden, not as a bad request.
    assert.equal((await call(w.url, carol, 'POST', '/compute/v2.1/servers', '{"server": {')).status, 403);
    assert.equal(await serverCount(), before);
    const mine = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('readable'));
    assert.equal((await call(w.url, carol, 'DELETE', `/compute/v2.1/servers/${mine.json.server.id}`)).status, 403);
    const shown = await call(w.url, carol, 'GET', `/compute/v2.1/servers/${mine.json.server.id}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.json.server.name, 'readable');
    assert.equal((await call(w.url, carol, 'GET', '/compute/v2.1/servers/detail')).status, 200);
  });

  it('When min_count is above what the instance quota leaves, then 403 forbidden and nothing is created', async () => {
    const before = await serverCount();
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('many', { min_count: 10_001, max_count: 10_001 }));
    assert.equal(res.status, 403);
    assert.match(res.json.forbidden.message, /^Quota exceeded for instances: Requested 10001, but already used \d+ of 10000 instances$/);
    assert.equal(await serverCount(), before);
  });

  it('When three servers are created at once, then they are named <name>-1..3', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('trio', { min_count: 3, max_count: 3 }));
    assert.equal(res.status, 202);
    const names = (await w.kube.list<Server>(Resources.Server)).items.map((s) => s.spec.name).filter((n) => n.startsWith('trio-'));
    assert.deepEqual(names.sort(), ['trio-1', 'trio-2', 'trio-3']);
  });

  it('When a server is updated, then 200 shows Nova\'s update view with the new name and canonical access addresses; bad names and addresses are 400 and change nothing', async () => {
    const id = (await call(w.url, admin, 'POST', '/compute/v2.1/servers', create('before'))).json.server.id as string;
    const put = (body: object): ReturnType<typeof call> => call(w.url, admin, 'PUT', `/compute/v2.1/servers/${id}`, { server: body });
    const res = await put({ name: 'Ínstáñcé', accessIPv4: '1.1.1.1', accessIPv6: '::babe:0202:0202' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.json.server.name, res.json.server.accessIPv4, res.json.server.accessIPv6], ['Ínstáñcé', '1.1.1.1', '::babe:202:202']);
    assert.ok(!('OS-EXT-STS:vm_state' in res.json.server) && !('security_groups' in res.json.server), 'no extension attributes');
    for (const bad of [{ name: '' }, { name: 'x'.repeat(256) }, { name: ' padded ' }, { accessIPv4: '1.1.1' }, { description: 'not at 2.1' }]) {
      assert.equal((await put(bad)).status, 400, JSON.stringify(bad));
    }
    assert.equal((await call(w.url, admin, 'GET', `/compute/v2.1/servers/${id}`)).json.server.name, 'Ínstáñcé');
    assert.equal((await call(w.url, alice, 'PUT', `/compute/v2.1/servers/${id}`, { server: { name: 'theirs' } })).status, 404);
  });

  it('When a member of another project asks for a server, then it is 404 to show, delete and absent from lists', async () => {
    const created = await call(w.url, admin, 'POST', '/compute/v2.1/servers', create('admin-secret'));
    const id = created.json.server.id as string;
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/servers/${id}`)).status, 404);
    const del = await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${id}`);
    assert.equal(del.status, 404);
    assert.equal(del.json.itemNotFound.code, 404);
    const list = await call(w.url, alice, 'GET', '/compute/v2.1/servers/detail?all_tenants=True');
    assert.ok(!list.json.servers.some((s: { id: string }) => s.id === id));
    const all = await call(w.url, admin, 'GET', '/compute/v2.1/servers?all_tenants=True');
    assert.ok(all.json.servers.some((s: { id: string }) => s.id === id));
  });

  it('When a server is deleted, then 204 and a GET right after no longer shows it as present', async () => {
    const created = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create('short-lived'));
    const id = created.json.server.id as string;
    const del = await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${id}`);
    assert.equal(del.status, 204);
    assert.equal(del.text, '');
    const after = await call(w.url, alice, 'GET', `/compute/v2.1/servers/${id}`);
    // The finalizer keeps the CR until the operator lets go: Nova shows task_state deleting meanwhile.
    assert.equal(after.json.server['OS-EXT-STS:task_state'], 'deleting');
  });

  it('When the token is tampered with or missing, then 401 in Keystone\'s format', async () => {
    const tampered = `${alice.slice(0, 40)}${alice[40] === 'A' ? 'B' : 'A'}${alice.slice(41)}`;
    const res = await call(w.url, tampered, 'GET', '/compute/v2.1/servers');
    assert.equal(res.status, 401);
    assert.equal(res.json.error.code, 401);
    assert.equal((await call(w.url, undefined, 'GET', '/compute/v2.1/servers')).status, 401);
  });
});

describe('Nova microversions', () => {
  let w: AppWorld;
  let token: string;
  before(async () => {
    w = await serveApp();
    token = await w.login('alice', 'demo');
  });
  after(async () => w.close());

  const cases: [string, Record<string, string>, number, string | undefined][] = [
    ['no header', {}, 200, '2.1'],
    ['the legacy header 2.1', { 'X-OpenStack-Nova-API-Version': '2.1' }, 200, '2.1'],
    ['the new header with latest', { 'OpenStack-API-Version': 'compute latest' }, 200, MAX_VERSION],
    ['a version above the maximum', { 'OpenStack-API-Version': 'compute 2.99' }, 406, undefined],
    ['a malformed version', { 'X-OpenStack-Nova-API-Version': 'two' }, 400, undefined],
  ];
  for (const [what, headers, status, echoed] of cases) {
    it(`When the request has ${what}, then ${status}${echoed ? ` echoing ${echoed}` : ''}`, async () => {
      const res = await call(w.url, token, 'GET', '/compute/v2.1/flavors', undefined, headers);
      assert.equal(res.status, status);
      if (echoed) {
        assert.equal(res.headers.get('openstack-api-version'), `compute ${echoed}`);
        assert.equal(res.headers.get('x-openstack-nova-api-version'), echoed);
      }
    });
  }

  it('When the compute root is read, then v2.1 advertises exactly the implemented range', async () => {
    const res = await call(w.url, undefined, 'GET', '/compute/');
    assert.equal(res.status, 200);
    const v21 = res.json.versions.find((v: { id: string }) => v.id === 'v2.1');
    assert.deepEqual([v21.min_version, v21.version], ['2.1', MAX_VERSION]);
    assert.equal(v21.links[0].href, `${w.url}/compute/v2.1/`);
  });
});
