import assert from 'node:assert/strict';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const create = (name: string): object => ({ server: { name, imageRef: IMAGE_ID, flavorRef: '1' } });
const names = (res: { json: { servers: { name: string }[] } }): string[] => res.json.servers.map((s) => s.name);

describe('Nova GET /servers and /servers/detail', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;

  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
    for (const n of ['p1', 'p2', 'p3']) {
      const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', create(n));
      assert.equal(res.status, 202, res.text);
    }
  });
  after(async () => w.close());

  it('When listing with limit and marker, then pages follow, the next link keeps the filters, and an unknown marker is 400', async () => {
    const first = await call(w.url, alice, 'GET', '/compute/v2.1/servers/detail?limit=2&name=p');
    assert.equal(first.json.servers.length, 2);
    const next = new URL(first.json.servers_links[0].href);
    assert.equal(next.pathname, '/compute/v2.1/servers/detail');
    assert.equal(next.searchParams.get('name'), 'p');
    assert.equal(next.searchParams.get('marker'), first.json.servers[1].id);
    const second = await call(w.url, alice, 'GET', `${next.pathname}${next.search}`);
    assert.deepEqual([...names(first), ...names(second)].sort(), ['p1', 'p2', 'p3']);
    assert.equal(second.json.servers_links, undefined, 'no next link on the last page');
    const unknown = await call(w.url, alice, 'GET', '/compute/v2.1/servers?marker=nope');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.badRequest.message, 'marker [nope] not found');
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/servers?limit=-1')).status, 400);
  });

  it('When changes-since is not ISO 8601, then 400; when it is, then the filter applies', async () => {
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/servers?changes-since=2011/01/01')).status, 400);
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/servers?changes-since=2011-01-01T00:00:00Z');
    assert.equal(res.status, 200);
    assert.ok(res.json.servers.length > 0);
    const future = await call(w.url, alice, 'GET', '/compute/v2.1/servers?changes-since=2999-01-01');
    assert.deepEqual(future.json.servers, []);
  });

  it('When filtering by name, then Nova\'s regular-expression match applies', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/servers?name=^p[12]$');
    assert.deepEqual(names(res).sort(), ['p1', 'p2']);
  });

  const patterns: { reason: string; query: string; status: number }[] = [
    { reason: 'a name pattern of 255 characters', query: `name=${'.'.repeat(255)}`, status: 200 },
    { reason: 'a name pattern of 256 characters', query: `name=${'.'.repeat(256)}`, status: 400 },
    { reason: 'a 14 KB ".*" name pattern', query: `name=${'.*'.repeat(7000)}`, status: 400 },
    { reason: 'an ip pattern of 256 characters', query: `ip=${'1'.repeat(256)}`, status: 400 },
    { reason: 'a repeated name whose second pattern is too long', query: `name=p&name=${'.'.repeat(256)}`, status: 400 },
  ];
  for (const c of patterns) {
    it(`When the query has ${c.reason}, then ${c.status}`, async () => {
      const res = await call(w.url, alice, 'GET', `/compute/v2.1/servers?${c.query}`);
      assert.equal(res.status, c.status, res.text);
    });
  }

  const sorts: { reason: string; who: 'admin' | 'alice'; query: string; status: number }[] = [
    { reason: 'a member sorts by host (admin only in Nova)', who: 'alice', query: 'sort_key=host', status: 403 },
    { reason: 'a member sorts by node (admin only in Nova)', who: 'alice', query: 'sort_key=node&sort_dir=asc', status: 403 },
    { reason: 'an admin sorts by host', who: 'admin', query: 'sort_key=host', status: 200 },
    { reason: 'a member sorts by an ignored key (vcpus)', who: 'alice', query: 'sort_key=vcpus', status: 200 },
    { reason: 'a member sorts by a key Nova does not know', who: 'alice', query: 'sort_key=colour', status: 400 },
    { reason: 'a member sorts in an unknown direction', who: 'alice', query: 'sort_key=display_name&sort_dir=up', status: 400 },
  ];
  for (const c of sorts) {
    it(`When ${c.reason}, then ${c.status}`, async () => {
      const res = await call(w.url, c.who === 'admin' ? admin : alice, 'GET', `/compute/v2.1/servers?${c.query}`);
      assert.equal(res.status, c.status, res.text);
      if (c.status === 403) assert.match(res.json.forbidden.message, /^Only administrators can sort servers by (host|node)$/);
    });
  }

  it('When sorting by display_name ascending then descending, then the orders are reversed', async () => {
    const asc = names(await call(w.url, alice, 'GET', '/compute/v2.1/servers?sort_key=display_name&sort_dir=asc'));
    const desc = names(await call(w.url, alice, 'GET', '/compute/v2.1/servers?sort_key=display_name&sort_dir=desc'));
    assert.deepEqual(asc, ['p1', 'p2', 'p3']);
    assert.deepEqual(desc, ['p3', 'p2', 'p1']);
  });

  it('When a repeated status is given, then either status matches', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/servers?status=ERROR&status=build');
    assert.deepEqual(names(res).sort(), ['p1', 'p2', 'p3']);
    assert.deepEqual((await call(w.url, alice, 'GET', '/compute/v2.1/servers?status=ERROR')).json.servers, []);
  });

  it('When a member filters by host, then the filter is ignored (Nova drops it for non-admins)', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/servers?host=nowhere');
    assert.equal(res.json.servers.length, 3);
    assert.deepEqual((await call(w.url, admin, 'GET', '/compute/v2.1/servers?all_tenants=1&host=nowhere')).json.servers, []);
  });
});
