import assert from 'node:assert/strict';
import { call, IMAGE_ID, PRIVATE_IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

describe('Nova /flavors and Glance /v2/images', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
  });
  after(async () => w.close());

  it('When a member lists flavors in detail, then private flavors are hidden and swap 0 reads ""', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/flavors/detail');
    assert.deepEqual(res.json.flavors.map((f: { id: string }) => f.id), ['1', '2']);
    assert.equal(res.json.flavors[0].swap, '');
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/flavors/99')).status, 404);
  });

  it('When an admin lists with is_public=None, then every flavor is listed', async () => {
    const res = await call(w.url, admin, 'GET', '/compute/v2.1/flavors?is_public=None');
    assert.deepEqual(res.json.flavors.map((f: { id: string }) => f.id).sort(), ['1', '2', '99']);
  });

  it('When filtering by minRam and minDisk, then smaller flavors drop out; a bad value is 400', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/flavors?minRam=1024&minDisk=10');
    assert.deepEqual(res.json.flavors.map((f: { id: string }) => f.id), ['2']);
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/flavors?minRam=lots')).status, 400);
  });

  it('When a page of flavors is followed, then the next link keeps the filters', async () => {
    const first = await call(w.url, admin, 'GET', '/compute/v2.1/flavors/detail?is_public=None&sort_key=memory_mb&limit=1');
    const next = new URL(first.json.flavors_links[0].href);
    assert.equal(next.searchParams.get('is_public'), 'None');
    assert.equal(next.searchParams.get('sort_key'), 'memory_mb');
    assert.equal(next.searchParams.get('limit'), '1');
    const second = await call(w.url, admin, `GET`, `${next.pathname}${next.search}`);
    assert.equal(second.json.flavors.length, 1);
    assert.notEqual(second.json.flavors[0].id, first.json.flavors[0].id);
  });

  it('When a path has a malformed percent-encoding, then 400 in Nova\'s format, not an HTML page', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/servers/%E0%A4%A');
    assert.equal(res.status, 400);
    assert.equal(res.json.badRequest.code, 400);
  });

  it('When the image root is read, then 300 lists v2', async () => {
    const res = await call(w.url, undefined, 'GET', '/image');
    assert.equal(res.status, 300);
    assert.equal(res.json.versions[0].links[0].href, `${w.url}/image/v2/`);
  });

  it('When a member lists images, then public ones show and another project\'s private one does not', async () => {
    const res = await call(w.url, alice, 'GET', '/image/v2/images');
    assert.deepEqual(res.json.images.map((i: { id: string }) => i.id), [IMAGE_ID]);
    assert.equal(res.json.images[0].status, 'active');
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${PRIVATE_IMAGE_ID}`)).status, 404);
    assert.equal((await call(w.url, admin, 'GET', `/image/v2/images/${PRIVATE_IMAGE_ID}`)).status, 200);
  });

  it('When a member filters on visibility=shared or private, then other projects\' images stay hidden', async () => {
    for (const v of ['shared', 'private']) {
      const res = await call(w.url, alice, 'GET', `/image/v2/images?visibility=${v}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json.images, []);
      const own = await call(w.url, admin, 'GET', `/image/v2/images?visibility=${v}`);
      assert.equal(own.json.images.length, 1, `the owner sees its ${v} image`);
    }
  });

  it('When an image is unknown, then 404 with Glance\'s plain-text body', async () => {
    const res = await call(w.url, alice, 'GET', '/image/v2/images/cirros');
    assert.equal(res.status, 404);
    assert.match(res.text, /^404 Not Found/);
  });
});
