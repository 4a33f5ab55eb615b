// What each Nova microversion changes in requests, as a table run once just below the version and
// once at it: a key a version adds is Nova's 400 before it, a filter or a state it opens is ignored
// or refused before it. Each case names its version, so the two rows differ only by it.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Keypair, Server, ServerGroup } from '../../../../crds/types.generated.js';
import { atLeast } from '../../../../api-server/src/common/microversion.js';
import { MAX_VERSION } from '../../../../api-server/src/services/nova/microversion.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

type Who = 'admin' | 'alice';
interface Case {
  what: string;
  since: string;
  who: Who;
  method: string;
  path: (ids: { server: string; alice: string }) => string;
  body?: object;
  /** The status below the version, then at it. */
  status: [before: number, at: number];
  /** What else must hold at the version (and not before it, when `onlyAt`). */
  check?: (w: AppWorld, res: { json: any; headers: Headers }) => void | Promise<void>;
}

const minus = (v: string): string => `2.${Number(v.split('.')[1]) - 1}`;
const header = (v: string): Record<string, string> => ({ 'OpenStack-API-Version': `compute ${v}` });
const server = (extra: object): object => ({ server: { name: 'mv', imageRef: IMAGE_ID, flavorRef: '1', ...extra } });

const CASES: Case[] = [
  { what: 'create with a description', since: '2.19', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ description: 'd' }), status: [400, 202] },
  {
    what: 'update the description', since: '2.19', who: 'alice', method: 'PUT', path: ({ server }) => `/compute/v2.1/servers/${server}`, body: { server: { description: 'new' } }, status: [400, 200],
    check: (_w, res) => assert.equal(res.json.server.description, 'new'),
  },
  { what: 'rebuild with a description', since: '2.19', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { rebuild: { imageRef: IMAGE_ID, description: 'r' } }, status: [400, 202] },
  { what: 'create a keypair of a type', since: '2.2', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-keypairs', body: { keypair: { name: 'typed', type: 'ssh' } }, status: [400, 201] },
  { what: 'create a keypair for oneself by user_id', since: '2.10', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-keypairs', body: { keypair: { name: 'own', user_id: 'USER:alice' } }, status: [400, 201] },
  { what: 'create a keypair for another user as a member', since: '2.10', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-keypairs', body: { keypair: { name: 'theirs', user_id: 'someone-else' } }, status: [400, 403] },
  {
    what: 'create a keypair for another user as an admin', since: '2.10', who: 'admin', method: 'POST', path: () => '/compute/v2.1/os-keypairs', body: { keypair: { name: 'for-alice', user_id: 'USER:alice' } }, status: [400, 201],
    check: (w, res) => {
      assert.equal(res.json.keypair.user_id, w.ids.users.alice);
      const made = w.kube.list<Keypair>(Resources.Keypair);
      return made.then((l) => assert.ok(l.items.some((k) => k.spec.name === res.json.keypair.name && k.spec.userId === w.ids.users.alice), 'the keypair is alice\'s'));
    },
  },
  { what: 'list another user\'s keypairs as a member', since: '2.10', who: 'alice', method: 'GET', path: () => '/compute/v2.1/os-keypairs?user_id=someone-else', status: [200, 403] },
  {
    what: 'list a user\'s keypairs as an admin', since: '2.10', who: 'admin', method: 'GET', path: ({ alice }) => `/compute/v2.1/os-keypairs?user_id=${alice}`, status: [200, 200],
    check: (_w, res) => assert.ok(res.json.keypairs.some((k: { keypair: { name: string } }) => k.keypair.name === 'alices'), 'alice\'s keypair is listed for the admin'),
  },
  { what: 'create a soft-affinity server group', since: '2.15', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-server-groups', body: { server_group: { name: 'g', policies: ['soft-affinity'] } }, status: [400, 200] },
  {
    what: 'read a server group\'s owner', since: '2.13', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-server-groups', body: { server_group: { name: 'g', policies: ['affinity'] } }, status: [200, 200],
    check: (w, res) => assert.deepEqual([res.json.server_group.project_id, res.json.server_group.user_id], [w.ids.projects.demo, w.ids.users.alice]),
  },
  {
    what: 'filter by ip6 as a member', since: '2.5', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?ip6=ffff', status: [200, 200],
    check: (_w, res) => assert.equal(res.json.servers.length, 0, 'no server has an address matching ffff'),
  },
  { what: 'create a server without networks', since: '2.37', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({}), status: [202, 400] },
  { what: 'create a server with networks "none"', since: '2.37', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none' }), status: [400, 202] },
  { what: 'create a server with networks "auto" and no usable network', since: '2.37', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'auto' }), status: [400, 400] },
  { what: 'list servers with an unknown status', since: '2.38', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?status=bogus', status: [200, 400] },
  { what: 'list Nova\'s image proxy', since: '2.36', who: 'alice', method: 'GET', path: () => '/compute/v2.1/images', status: [200, 404] },
  { what: 'show a security group through Nova\'s proxy', since: '2.36', who: 'alice', method: 'GET', path: () => '/compute/v2.1/os-security-groups', status: [200, 404] },
  {
    what: 'page keypairs by one', since: '2.35', who: 'alice', method: 'GET', path: () => '/compute/v2.1/os-keypairs?limit=1', status: [200, 200],
    check: (w, res) => {
      assert.equal(res.json.keypairs.length, 1);
      assert.match(res.json.keypairs_links[0].href, new RegExp(`^${w.url}/compute/v2.1/os-keypairs\\?limit=1&marker=`));
    },
  },
  {
    what: 'create a server with tags', since: '2.52', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none', tags: ['a', 'b', 'a'] }), status: [400, 202],
    check: (w, res) => assert.deepEqual(w.kube.peek<Server>(Resources.Server, res.json.server.id, projectNamespace(w.ids.projects.demo))?.spec.tags, ['a', 'b']),
  },
  { what: 'create a server with an empty tag list (openstacksdk sends one)', since: '2.52', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none', tags: [] }), status: [202, 202] },
  { what: 'attach a volume with a device tag', since: '2.49', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/os-volume_attachments`, body: { volumeAttachment: { volumeId: '00000000-0000-4000-8000-00000000000f', tag: 'disk1' } }, status: [400, 404] },
  {
    what: 'snapshot the server', since: '2.45', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { createImage: { name: 'snap' } }, status: [202, 202],
    check: (_w, res) => assert.match(res.json.image_id, /^[0-9a-f-]{36}$/),
  },
  {
    what: 'rebuild with a keypair', since: '2.54', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { rebuild: { imageRef: IMAGE_ID, key_name: 'alices' } }, status: [400, 202],
    check: (_w, res) => assert.equal(res.json.server.key_name, 'alices'),
  },
  { what: 'rebuild with an unknown keypair', since: '2.54', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { rebuild: { imageRef: IMAGE_ID, key_name: 'nope' } }, status: [400, 400] },
  {
    what: 'rebuild with user data', since: '2.57', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { rebuild: { imageRef: IMAGE_ID, user_data: 'aGk=' } }, status: [400, 202],
    check: (_w, res) => assert.equal(res.json.server.user_data, 'aGk='),
  },
  { what: 'rebuild with a personality', since: '2.57', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { rebuild: { imageRef: IMAGE_ID, personality: [{ path: '/a', contents: 'YQ==' }] } }, status: [202, 400] },
  { what: 'create with a personality', since: '2.57', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none', personality: [] }), status: [202, 400] },
  { what: 'create naming trusted image certificates', since: '2.63', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none', trusted_image_certificates: ['cert-1'] }), status: [400, 400] },
  { what: 'create with no trusted image certificates', since: '2.63', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none', trusted_image_certificates: null }), status: [400, 202] },
  {
    what: 'read a flavor\'s description', since: '2.55', who: 'alice', method: 'GET', path: () => '/compute/v2.1/flavors', status: [200, 200],
    check: (_w, res) => assert.ok(res.json.flavors.every((f: object) => 'description' in f)),
  },
  {
    what: 'read a flavor\'s extra specs', since: '2.61', who: 'alice', method: 'GET', path: () => '/compute/v2.1/flavors/detail', status: [200, 200],
    check: (_w, res) => assert.ok(res.json.flavors.every((f: object) => 'extra_specs' in f)),
  },
  {
    what: 'page the server\'s actions by one', since: '2.58', who: 'alice', method: 'GET', path: ({ server }) => `/compute/v2.1/servers/${server}/os-instance-actions?limit=1`, status: [200, 200],
    check: (_w, res) => {
      assert.equal(res.json.instanceActions.length, 1);
      assert.ok(res.json.instanceActions[0].updated_at);
      assert.match(res.json.links[0].href, /os-instance-actions\?limit=1&marker=req-/);
    },
  },
  { what: 'list the server\'s actions with an unknown query key', since: '2.58', who: 'alice', method: 'GET', path: ({ server }) => `/compute/v2.1/servers/${server}/os-instance-actions?colour=red`, status: [200, 400] },
  { what: 'create a server group by policy', since: '2.64', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-server-groups', body: { server_group: { name: 'p', policy: 'anti-affinity', rules: { max_server_per_host: 1 } } }, status: [400, 200],
    check: (_w, res) => assert.deepEqual([res.json.server_group.policy, res.json.server_group.rules, 'policies' in res.json.server_group], ['anti-affinity', { max_server_per_host: 1 }, false]) },
  { what: 'create a server group by policies', since: '2.64', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-server-groups', body: { server_group: { name: 'p', policies: ['affinity'] } }, status: [200, 400] },
  { what: 'create an anti-affinity group of up to 2 servers per host', since: '2.64', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-server-groups', body: { server_group: { name: 'p', policy: 'anti-affinity', rules: { max_server_per_host: 2 } } }, status: [400, 400] },
  { what: 'create an affinity group with rules', since: '2.64', who: 'alice', method: 'POST', path: () => '/compute/v2.1/os-server-groups', body: { server_group: { name: 'p', policy: 'affinity', rules: { max_server_per_host: 1 } } }, status: [400, 400] },
  {
    what: 'list servers changed before 2000', since: '2.66', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?changes-before=2000-01-01T00:00:00Z', status: [200, 200],
    check: (_w, res) => assert.deepEqual(res.json.servers, []),
  },
  { what: 'list servers in a window that closes before it opens', since: '2.66', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?changes-since=2001-01-01T00:00:00Z&changes-before=2000-01-01T00:00:00Z', status: [200, 400] },
  {
    what: 'boot from a new volume of an unknown type', since: '2.67', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers',
    body: server({ networks: 'none', imageRef: '', block_device_mapping_v2: [{ uuid: IMAGE_ID, source_type: 'image', destination_type: 'volume', boot_index: 0, volume_size: 1, volume_type: 'nope' }] }), status: [400, 400],
    check: (_w, res) => assert.match(res.json.badRequest.message, /Volume type nope could not be found/),
  },
  {
    what: 'lock with a reason', since: '2.73', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { lock: { locked_reason: 'maintenance' } }, status: [202, 202],
    check: async (w, res) => {
      assert.equal(res.headers.get('content-length') ?? '0', '0');
      const locked = (await w.kube.list<Server>(Resources.Server)).items.find((x) => x.spec.lock);
      assert.equal(locked?.spec.lock?.reason, 'maintenance');
    },
  },
  { what: 'lock with an unknown key', since: '2.73', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { lock: { why: 'x' } }, status: [202, 400] },
  { what: 'list servers that are not locked', since: '2.73', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?locked=false', status: [200, 200] },
  { what: 'list servers with a locked filter that is no boolean', since: '2.73', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?locked=maybe', status: [200, 400] },
  { what: 'create on a requested host as a member', since: '2.74', who: 'alice', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none', host: 'node-1' }), status: [400, 403] },
  { what: 'create on an unknown host as an admin', since: '2.74', who: 'admin', method: 'POST', path: () => '/compute/v2.1/servers', body: server({ networks: 'none', host: 'nowhere' }), status: [400, 400],
    check: (_w, res) => assert.match(res.json.badRequest.message, /Compute host nowhere could not be found/) },
  { what: 'list servers with an unknown query key', since: '2.75', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?colour=red', status: [200, 400] },
  { what: 'list servers sorted by a key Nova used to ignore', since: '2.75', who: 'alice', method: 'GET', path: () => '/compute/v2.1/servers?sort_key=vcpus', status: [200, 400] },
  { what: 'list keypairs with an unknown query key', since: '2.75', who: 'alice', method: 'GET', path: () => '/compute/v2.1/os-keypairs?colour=red', status: [200, 400] },
  {
    what: 'read a flavor without swap', since: '2.75', who: 'alice', method: 'GET', path: () => '/compute/v2.1/flavors/1', status: [200, 200],
    check: (_w, res) => assert.equal(res.json.flavor.swap, 0),
  },
  { what: 'unshelve into an unknown zone', since: '2.77', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/action`, body: { unshelve: { availability_zone: 'atlantis' } }, status: [409, 400] },
  {
    what: 'read the server\'s topology', since: '2.78', who: 'alice', method: 'GET', path: ({ server }) => `/compute/v2.1/servers/${server}/topology`, status: [404, 200],
    check: (_w, res) => assert.deepEqual(res.json, { nodes: [], pagesize_kb: null }),
  },
  { what: 'attach a volume deleted with its server', since: '2.79', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/os-volume_attachments`, body: { volumeAttachment: { volumeId: '00000000-0000-4000-8000-00000000000f', delete_on_termination: true } }, status: [400, 404] },
  { what: 'attach a volume to a shelved server', since: '2.20', who: 'alice', method: 'POST', path: ({ server }) => `/compute/v2.1/servers/${server}/os-volume_attachments`, body: { volumeAttachment: { volumeId: '00000000-0000-4000-8000-00000000000f' } }, status: [409, 404] },
];

describe('Nova requests by microversion', () => {
  let w: AppWorld;
  const tokens = {} as Record<Who, string>;
  const ids = { server: '', alice: '' };

  const stored = (): Server => w.kube.peek<Server>(Resources.Server, ids.server, projectNamespace(w.ids.projects.demo))!;
  async function setStatus(status: NonNullable<Server['status']>): Promise<void> {
    // Each case starts from an unlocked server.
    if (stored().spec.lock) await w.kube.replace(Resources.Server, { ...stored(), spec: { ...stored().spec, lock: undefined } });
    await w.kube.replaceStatus(Resources.Server, { ...stored(), status: { ...status, bootSerial: stored().spec.boot?.serial ?? 0 } });
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await call(w.url, tokens.alice, 'GET', `/compute/v2.1/servers/${ids.server}`)).json.server.status === status.status) return;
    }
    throw new Error(`the API never showed the server ${status.status}`);
  }

  before(async () => {
    w = await serveApp();
    tokens.admin = await w.login('admin', 'admin');
    tokens.alice = await w.login('alice', 'demo');
    ids.alice = w.ids.users.alice;
    const res = await call(w.url, tokens.alice, 'POST', '/compute/v2.1/servers', server({}));
    assert.equal(res.status, 202, res.text);
    ids.server = res.json.server.id;
    assert.equal((await call(w.url, tokens.alice, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'alices' } })).status, 200);
  });
  after(() => w.close());

  for (const c of CASES.filter((k) => atLeast(MAX_VERSION, k.since))) {
    for (const [v, status] of [[minus(c.since), c.status[0]], [c.since, c.status[1]]] as const) {
      it(`When ${c.who} asks to ${c.what} at ${v}, then ${status}`, async () => {
        const shelved = c.what.includes('shelved');
        await setStatus(shelved ? { status: 'SHELVED_OFFLOADED', vmState: 'shelved_offloaded', powerState: 'SHUTDOWN' } : { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', addresses: { private: [{ version: 6, addr: 'fd00::5' }] } });
        const body = c.body && JSON.parse(JSON.stringify(c.body).replace('USER:alice', ids.alice).replace(/"name":"(own|typed|for-alice|g)"/, `"name":"$1-${v.replace('.', '-')}"`));
        const res = await call(w.url, tokens[c.who], c.method, c.path(ids), body, header(v));
        assert.equal(res.status, status, res.text);
        if (v === c.since) await c.check?.(w, res);
      });
    }
  }

  it('When a member filters by ip6 below 2.5, then the filter is dropped (every server is listed), and at 2.5 it matches the address', async () => {
    await setStatus({ status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', addresses: { private: [{ version: 6, addr: 'fd00::5' }] } });
    const ignored = await call(w.url, tokens.alice, 'GET', '/compute/v2.1/servers?ip6=ffff', undefined, header('2.4'));
    assert.ok(ignored.json.servers.some((s: { id: string }) => s.id === ids.server));
    const matched = await call(w.url, tokens.alice, 'GET', '/compute/v2.1/servers?ip6=fd00', undefined, header('2.5'));
    assert.deepEqual(matched.json.servers.map((s: { id: string }) => s.id), [ids.server]);
  });

  const deviceTags: [version: string, where: string, refused: boolean][] = [
    ['2.31', 'networks', true], ['2.32', 'networks', false], ['2.36', 'networks', false], ['2.37', 'networks', true], ['2.41', 'networks', true],
    ['2.31', 'block_device_mapping_v2', true], ['2.32', 'block_device_mapping_v2', false], ['2.33', 'block_device_mapping_v2', true], ['2.41', 'block_device_mapping_v2', true],
  ];
  for (const [v, where, refused] of deviceTags.filter(([version]) => atLeast(MAX_VERSION, version))) {
    it(`When a server is created with a ${where} tag at ${v}, then the tag is ${refused ? 'refused (Nova\'s additionalProperties 400)' : 'taken (the request fails later, on the unknown device)'}`, async () => {
      const device = where === 'networks' ? { networks: [{ uuid: '00000000-0000-4000-8000-0000000000ee', tag: 'nic1' }] } : { ...(atLeast(v, '2.37') ? { networks: 'none' } : {}), block_device_mapping_v2: [{ uuid: '00000000-0000-4000-8000-0000000000ee', source_type: 'volume', destination_type: 'volume', boot_index: 1, tag: 'disk1' }] };
      const res = await call(w.url, tokens.alice, 'POST', '/compute/v2.1/servers', server(device), header(v));
      assert.ok(res.status === 400 || res.status === 404, res.text);
      assert.equal(/'tag' was unexpected/.test(res.text), refused, res.text);
    });
  }

  it('When a snapshot is taken below 2.45, then its image is named by Location and there is no body; from 2.45 by the body alone', async () => {
    await setStatus({ status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING' });
    const old = await call(w.url, tokens.alice, 'POST', `/compute/v2.1/servers/${ids.server}/action`, { createImage: { name: 'old' } }, header('2.44'));
    assert.equal(old.text, '');
    assert.match(old.headers.get('location') ?? '', /\/image\/v2\/images\/[0-9a-f-]{36}$/);
    const now = await call(w.url, tokens.alice, 'POST', `/compute/v2.1/servers/${ids.server}/action`, { createImage: { name: 'new' } }, header('2.45'));
    assert.equal(now.headers.get('location'), null);
    assert.ok(now.json.image_id);
  });

  it('When an interface is attached with a tag below 2.49, then the tag is refused; at 2.49 it is taken (and the attach goes on to find no network)', async () => {
    await setStatus({ status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING' });
    const body = { interfaceAttachment: { tag: 'nic9' } };
    const old = await call(w.url, tokens.alice, 'POST', `/compute/v2.1/servers/${ids.server}/os-interface`, body, header('2.48'));
    assert.match(old.text, /'tag' was unexpected/);
    const now = await call(w.url, tokens.alice, 'POST', `/compute/v2.1/servers/${ids.server}/os-interface`, body, header('2.49'));
    assert.doesNotMatch(now.text, /'tag' was unexpected/);
  });

  it('When a console is asked with the 2.1 action, then it is served at 2.5 and a 404 from 2.6 (remote-consoles replaces it)', async () => {
    await setStatus({ status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', host: 'node-1' });
    const body = { 'os-getVNCConsole': { type: 'novnc' } };
    const old = await call(w.url, tokens.alice, 'POST', `/compute/v2.1/servers/${ids.server}/action`, body, header('2.5'));
    // Served: a URL once the Pod runs, Nova's 409 "not ready" before (the fake cluster runs no Pod).
    assert.ok([200, 409].includes(old.status), old.text);
    const now = await call(w.url, tokens.alice, 'POST', `/compute/v2.1/servers/${ids.server}/action`, body, header('2.6'));
    assert.equal(now.status, 404, now.text);
  });

  it('When a soft-anti-affinity group is made at 2.15, then its CR holds the policy the operator places by', async () => {
    const res = await call(w.url, tokens.alice, 'POST', '/compute/v2.1/os-server-groups', { server_group: { name: 'soft', policies: ['soft-anti-affinity'] } }, header('2.15'));
    assert.equal(res.status, 200, res.text);
    assert.equal(w.kube.peek<ServerGroup>(Resources.ServerGroup, res.json.server_group.id, projectNamespace(w.ids.projects.demo))?.spec.policy, 'soft-anti-affinity');
  });
});
