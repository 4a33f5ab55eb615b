// Nova's image proxy through the whole app: Glance's images in Nova's shape, filtered as Nova
// passes its filters on; what the caller may not see is a 404; delete is Glance's, owners only.
import assert from 'node:assert/strict';
import { call, IMAGE_ID, PRIVATE_IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

describe('Nova image proxy (/images)', () => {
  let w: AppWorld;
  let alice: string;
  let server: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    server = (await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } })).json.server.id;
    const snap = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${server}/action`, { createImage: { name: 'snap' } });
    assert.equal(snap.status, 409, 'a building server is not snapshotted');
  });
  after(() => w.close());

  it('When the public image is shown, then Nova\'s view: ACTIVE, progress 100, minimums, size and links with the Glance alternate', async () => {
    const res = await call(w.url, alice, 'GET', `/compute/v2.1/images/${IMAGE_ID}`);
    assert.equal(res.status, 200, res.text);
    const i = res.json.image;
    assert.deepEqual({ id: i.id, name: i.name, status: i.status, progress: i.progress }, { id: IMAGE_ID, name: 'cirros', status: 'ACTIVE', progress: 100 });
    assert.equal(typeof i.minDisk, 'number');
    assert.deepEqual(i.links.map((l: { rel: string }) => l.rel), ['self', 'bookmark', 'alternate']);
    assert.equal(i.server, undefined, 'not a snapshot');
  });

  it('When another project\'s private image is asked for, then 404 as for a missing one', async () => {
    const res = await call(w.url, alice, 'GET', `/compute/v2.1/images/${PRIVATE_IMAGE_ID}`);
    assert.equal(res.status, 404, res.text);
    assert.match(res.json.itemNotFound.message, /Image .* could not be found/);
  });

  it('When images are listed by name and by a bad minDisk, then the named one comes back, and the bad filter is 400', async () => {
    const res = await call(w.url, alice, 'GET', '/compute/v2.1/images/detail?name=cirros');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.images.map((i: { id: string }) => i.id), [IMAGE_ID]);
    assert.ok(!(await call(w.url, alice, 'GET', '/compute/v2.1/images')).json.images.some((i: { id: string }) => i.id === PRIVATE_IMAGE_ID));
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/images?minDisk=x')).status, 400);
  });

  it('When a member deletes its own image, then 204 and Glance no longer has it; another project\'s public image is 403', async () => {
    const created = await call(w.url, alice, 'POST', '/image/v2/images', { name: 'mine', disk_format: 'raw', container_format: 'bare' });
    assert.equal(created.status, 201, created.text);
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/images/${created.json.id}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${created.json.id}`)).status, 404);
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/images/${IMAGE_ID}`)).status, 403);
  });
});
