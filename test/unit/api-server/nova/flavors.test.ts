import assert from 'node:assert/strict';
import { flavorListFilter, flavorVisible } from '../../../../api-server/src/services/nova/flavors/flavors.access.js';
import { API_VERSION } from '../../../../crds/resources.js';
import type { Flavor } from '../../../../crds/types.generated.js';
import type { AuthContext } from '../../../../api-server/src/common/route.js';
import { call, DISABLED_FLAVOR_ID, PRIVATE_FLAVOR_ID, serveApp, type AppWorld } from '../app-fixture.js';

const ids = (res: { json: { flavors: { id: string }[] } }): string[] => res.json.flavors.map((f) => f.id);

describe('Nova flavor access rules', () => {
  const flavor = (spec: Partial<Flavor['spec']>): Flavor => ({ apiVersion: API_VERSION, kind: 'Flavor', metadata: { name: 'f' }, spec: { name: 'f', vcpus: 1, ramMiB: 1, diskGiB: 1, ...spec } });
  const member = { isAdmin: false, projectId: 'p' } as AuthContext;
  const admin = { isAdmin: true, projectId: 'a' } as AuthContext;
  const cases: { reason: string; spec: Partial<Flavor['spec']>; auth: AuthContext; query: Record<string, string>; visible: boolean; listed: boolean }[] = [
    { reason: 'a public flavor, for a member', spec: {}, auth: member, query: {}, visible: true, listed: true },
    { reason: 'a private flavor, for a member', spec: { isPublic: false }, auth: member, query: {}, visible: false, listed: false },
    { reason: 'a private flavor, for a member asking is_public=false', spec: { isPublic: false }, auth: member, query: { is_public: 'false' }, visible: false, listed: false },
    { reason: 'a disabled flavor, for a member', spec: { disabled: true }, auth: member, query: {}, visible: true, listed: false },
    { reason: 'a private flavor, for an admin by default', spec: { isPublic: false }, auth: admin, query: {}, visible: true, listed: false },
    { reason: 'a private flavor, for an admin asking is_public=False', spec: { isPublic: false }, auth: admin, query: { is_public: 'False' }, visible: true, listed: true },
    { reason: 'a public flavor, for an admin asking is_public=false', spec: {}, auth: admin, query: { is_public: 'false' }, visible: true, listed: false },
    { reason: 'a private flavor, for an admin asking is_public=None', spec: { isPublic: false }, auth: admin, query: { is_public: 'None' }, visible: true, listed: true },
    { reason: 'a disabled flavor, for an admin', spec: { disabled: true }, auth: admin, query: {}, visible: true, listed: true },
  ];
  for (const c of cases) {
    it(`When the flavor is ${c.reason}, then it is ${c.visible ? '' : 'not '}visible and ${c.listed ? '' : 'not '}listed`, () => {
      const f = flavor(c.spec);
      assert.equal(flavorVisible(f, c.auth), c.visible);
      assert.equal(flavorListFilter(c.query, c.auth)(f), c.listed);
    });
  }

  it('When an admin sends an is_public that is not a boolean, then 400; a member\'s is ignored', () => {
    assert.throws(() => flavorListFilter({ is_public: 'maybe' }, admin), /Invalid is_public filter \[maybe\]/);
    assert.equal(flavorListFilter({ is_public: 'maybe' }, member)(flavor({})), true);
  });
});

describe('Nova /flavors', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
  });
  after(async () => w.close());

  it('When a member lists flavors in detail, then private and disabled flavors are hidden and swap 0 reads ""', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/flavors/detail');
    assert.deepEqual(ids(res), ['1', '2']);
    assert.equal(res.json.flavors[0].swap, '');
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/flavors/${PRIVATE_FLAVOR_ID}`)).status, 404);
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/flavors/${DISABLED_FLAVOR_ID}`)).status, 200, 'a disabled flavor can still be shown');
  });

  it('When an admin lists with is_public=None, then every flavor is listed; by default the public ones', async () => {
    assert.deepEqual(ids(await call(w.url, admin, 'GET', '/compute/v2.1/flavors?is_public=None')).sort(), ['1', '2', '3', '99']);
    assert.deepEqual(ids(await call(w.url, admin, 'GET', '/compute/v2.1/flavors')), ['1', '2', '3']);
    assert.equal((await call(w.url, admin, 'GET', '/compute/v2.1/flavors?is_public=maybe')).status, 400);
  });

  it('When filtering by minRam and minDisk, then smaller flavors drop out; a bad value is 400', async () => {
    assert.deepEqual(ids(await call(w.url, alice, 'GET', '/compute/v2.1/flavors?minRam=1024&minDisk=10')), ['2']);
    const bad = await call(w.url, alice, 'GET', '/compute/v2.1/flavors?minRam=lots');
    assert.equal(bad.status, 400);
    assert.equal(bad.json.badRequest.message, 'Invalid minRam filter [lots]');
  });

  it('When a page of flavors is followed, then the next link keeps the filters', async () => {
    const first = await call(w.url, admin, 'GET', '/compute/v2.1/flavors/detail?is_public=None&sort_key=memory_mb&limit=1');
    assert.deepEqual(ids(first), ['99'], 'the smallest flavor first');
    const next = new URL(first.json.flavors_links[0].href);
    assert.equal(next.searchParams.get('is_public'), 'None');
    assert.equal(next.searchParams.get('sort_key'), 'memory_mb');
    assert.equal(next.searchParams.get('limit'), '1');
    const second = await call(w.url, admin, 'GET', `${next.pathname}${next.search}`);
    assert.deepEqual(ids(second), ['1']);
  });

  it('When the sort key is not one of Nova\'s, then 400 from the query schema', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/flavors?sort_key=colour');
    assert.equal(res.status, 400);
    assert.match(res.json.badRequest.message, /sort_key/);
  });

  it('When extra specs are read, then the flavor\'s visibility applies to them too', async () => {
    const all = await call(w.url, alice, 'GET', '/compute/v2.1/flavors/1/os-extra_specs');
    assert.deepEqual(all.json, { extra_specs: { 'hw:cpu_policy': 'shared' } });
    const one = await call(w.url, alice, 'GET', '/compute/v2.1/flavors/1/os-extra_specs/hw:cpu_policy');
    assert.deepEqual(one.json, { 'hw:cpu_policy': 'shared' });
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/flavors/1/os-extra_specs/nope')).status, 404);
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/flavors/${PRIVATE_FLAVOR_ID}/os-extra_specs`)).status, 404);
    assert.equal((await call(w.url, admin, 'GET', `/compute/v2.1/flavors/${PRIVATE_FLAVOR_ID}/os-extra_specs`)).status, 200);
  });

  it('When a path has a malformed percent-encoding, then 400 in Nova\'s format, not an HTML page', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/servers/%E0%A4%A');
    assert.equal(res.status, 400);
    assert.equal(res.json.badRequest.code, 400);
  });
});
