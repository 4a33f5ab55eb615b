import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FileHandle } from 'node:fs/promises';
import { Hasher } from '../../../../api-server/src/services/glance/image-data/image-data.hash.js';
import { StoreSink } from '../../../../api-server/src/services/glance/image-data/image-data.sink.js';
import { ImageDataStore, ImageTooLargeError } from '../../../../api-server/src/services/glance/image-data/image-data.store.js';
import { pipeline } from 'node:stream/promises';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const PATCH = { 'Content-Type': 'application/openstack-images-v2.1-json-patch' };

async function put(w: AppWorld, token: string, path: string, data: Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${w.url}/image${path}`, { method: 'PUT', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream', ...headers }, body: data });
}

const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');
const sha512 = (b: Buffer): string => createHash('sha512').update(b).digest('hex');

describe('Glance image writes and data', () => {
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

  /** An image with formats set (Glance takes no data before), unless the body says otherwise. */
  const create = async (token: string, body: Record<string, unknown>): Promise<{ id: string; status: string; [k: string]: unknown }> => {
    const res = await call(w.url, token, 'POST', '/image/v2/images', { disk_format: 'raw', container_format: 'bare', ...body });
    assert.equal(res.status, 201, res.text);
    return res.json;
  };

  it('When an image is created, then it is queued with Glance\'s defaults and its extra properties echoed', async () => {
    const img = await create(alice, { name: 'mine', disk_format: 'raw', container_format: 'bare', 'owner_specified.openstack.md5': '', foo: 'bar' });
    assert.equal(img.status, 'queued');
    assert.equal(img.visibility, 'shared', 'Glance\'s default visibility');
    assert.equal(img.foo, 'bar');
    assert.equal(img['owner_specified.openstack.md5'], '');
    assert.equal(img.size, null);
    assert.equal(img.owner, w.ids.projects.demo);
  });

  const refusals: { reason: string; token: () => string; body: Record<string, unknown>; status: number; text: RegExp }[] = [
    { reason: 'a read-only attribute', token: () => alice, body: { name: 'x', status: 'active' }, status: 403, text: /Attribute 'status' is read-only/ },
    { reason: 'a reserved attribute', token: () => alice, body: { deleted: true }, status: 403, text: /Attribute 'deleted' is reserved/ },
    { reason: 'a property in Glance\'s os_glance namespace', token: () => alice, body: { os_glance_import_task: 'x' }, status: 403, text: /is reserved/ },
    { reason: 'an unknown disk format', token: () => alice, body: { disk_format: 'floppy' }, status: 400, text: /does not match schema 'image'/ },
    { reason: 'a property that is not a string', token: () => alice, body: { foo: 1 }, status: 400, text: /does not match schema 'image'/ },
    { reason: 'public visibility from a member', token: () => alice, body: { visibility: 'public' }, status: 403, text: /publicize_image/ },
    { reason: 'another project as owner', token: () => alice, body: { owner: 'someone-else' }, status: 403, text: /owned by 'someone-else'/ },
    { reason: 'a reader', token: () => carol, body: { name: 'x' }, status: 403, text: /Policy doesn't allow/ },
    { reason: 'an id without hyphens', token: () => alice, body: { id: '0123456789abcdef0123456789abcdef' }, status: 400, text: /does not match schema 'image'/ },
    { reason: 'more properties than Glance\'s quota', token: () => alice, body: Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`p${i}`, 'v'])), status: 413, text: /Maximum number of image properties/ },
  ];
  for (const r of refusals) {
    it(`When a create carries ${r.reason}, then ${r.status} and no image is made`, async () => {
      const before = w.stores.images.list().length;
      const res = await call(w.url, r.token(), 'POST', '/image/v2/images', r.body);
      assert.equal(res.status, r.status, res.text);
      assert.match(res.text, r.text);
      assert.equal(w.stores.images.list().length, before);
    });
  }

  it('When an id is given twice, then the second create is a 409', async () => {
    const id = '11111111-2222-4333-8444-555555555555';
    await create(alice, { id, name: 'fixed' });
    assert.equal((await call(w.url, alice, 'POST', '/image/v2/images', { id, name: 'again' })).status, 409);
  });

  it('When data is uploaded, then the image is active with size, md5 and sha512, and the download is byte-identical', async () => {
    const img = await create(alice, { name: 'data', disk_format: 'raw', container_format: 'bare' });
    const bytes = randomBytes(300_000);
    assert.equal((await put(w, alice, `/v2/images/${img.id}/file`, bytes)).status, 204);
    const shown = (await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).json;
    assert.deepEqual([shown.status, shown.size, shown.checksum, shown.os_hash_algo, shown.os_hash_value], ['active', bytes.length, md5(bytes), 'sha512', sha512(bytes)]);
    const res = await fetch(`${w.url}/image/v2/images/${img.id}/file`, { headers: { 'X-Auth-Token': carol } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-md5'), md5(bytes));
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes));
    const head = await fetch(`${w.url}/image/v2/images/${img.id}/file`, { method: 'HEAD', headers: { 'X-Auth-Token': carol } });
    assert.deepEqual([head.status, head.headers.get('content-length'), head.headers.get('content-md5')], [200, String(bytes.length), md5(bytes)]);
    assert.equal((await put(w, alice, `/v2/images/${img.id}/file`, bytes)).status, 409, 'an active image takes no second upload');
  });

  it('When Content-MD5 does not match the data, then 400 and the image stays queued with no data', async () => {
    const img = await create(alice, { name: 'bad-md5' });
    const res = await put(w, alice, `/v2/images/${img.id}/file`, Buffer.from('hello'), { 'Content-MD5': md5(Buffer.from('other')) });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Checksum verification failed/);
    const shown = (await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).json;
    assert.deepEqual([shown.status, shown.size], ['queued', null]);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}/file`)).status, 204);
  });

  it('When data comes for an image without formats, then 400 and it stays queued', async () => {
    const img = await create(alice, { name: 'formatless', disk_format: null, container_format: null });
    const res = await put(w, alice, `/v2/images/${img.id}/file`, Buffer.from('x'));
    assert.equal(res.status, 400);
    assert.match(await res.text(), /disk_format, container_format must be set/);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).json.status, 'queued');
  });

  it('When the upload is not application/octet-stream, then 415', async () => {
    const img = await create(alice, { name: 'typed' });
    assert.equal((await put(w, alice, `/v2/images/${img.id}/file`, Buffer.from('x'), { 'Content-Type': 'text/plain' })).status, 415);
  });

  it('When an image is patched, then properties are added, replaced and removed, and bad patches are refused', async () => {
    const img = await create(alice, { name: 'patch-me', foo: 'bar' });
    const path = `/image/v2/images/${img.id}`;
    const ok = await call(w.url, alice, 'PATCH', path, JSON.stringify([{ op: 'replace', path: '/name', value: 'patched' }, { op: 'add', path: '/a', value: 'b' }, { op: 'remove', path: '/foo' }]), PATCH);
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual([ok.json.name, ok.json.a, ok.json.foo], ['patched', 'b', undefined]);
    assert.equal((await call(w.url, alice, 'PATCH', path, JSON.stringify([{ op: 'remove', path: '/nope' }]), PATCH)).status, 409);
    assert.equal((await call(w.url, alice, 'PATCH', path, JSON.stringify([{ op: 'add', path: '/size', value: 1 }]), PATCH)).status, 403);
    assert.equal((await call(w.url, alice, 'PATCH', path, JSON.stringify([{ op: 'add', path: '/id', value: 'x' }]), PATCH)).status, 403);
    assert.equal((await call(w.url, alice, 'PATCH', path, JSON.stringify([{ op: 'add', path: '/a', value: 'b' }]))).status, 415);
    assert.equal((await call(w.url, alice, 'PATCH', path, JSON.stringify([{ op: 'move', path: '/a' }]), PATCH)).status, 400);
    const legacy = await call(w.url, alice, 'PATCH', path, JSON.stringify([{ replace: '/name', value: 'v2.0-style' }]), { 'Content-Type': 'application/openstack-images-v2.0-json-patch' });
    assert.equal(legacy.json.name, 'v2.0-style', 'the older patch form names the op as the key');
  });

  it('When another project\'s image is changed, then an invisible one is a 404 and a visible one a 403', async () => {
    const theirs = await create(admin, { name: 'admin-private', visibility: 'private' });
    const patch = JSON.stringify([{ op: 'add', path: '/a', value: 'b' }]);
    assert.equal((await call(w.url, alice, 'PATCH', `/image/v2/images/${theirs.id}`, patch, PATCH)).status, 404);
    assert.equal((await call(w.url, alice, 'PATCH', `/image/v2/images/${IMAGE_ID}`, patch, PATCH)).status, 403);
    assert.equal((await call(w.url, alice, 'DELETE', `/image/v2/images/${IMAGE_ID}`)).status, 403);
    assert.equal((await call(w.url, alice, 'PUT', `/image/v2/images/${theirs.id}/tags/t`)).status, 404);
  });

  it('When tags are added and deleted, then they show, and deleting an absent one is a 404', async () => {
    const img = await create(alice, { name: 'tagged' });
    assert.equal((await call(w.url, alice, 'PUT', `/image/v2/images/${img.id}/tags/red`)).status, 204);
    assert.deepEqual((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).json.tags, ['red']);
    assert.equal((await call(w.url, alice, 'DELETE', `/image/v2/images/${img.id}/tags/red`)).status, 204);
    assert.equal((await call(w.url, alice, 'DELETE', `/image/v2/images/${img.id}/tags/red`)).status, 404);
  });

  it('When a protected image is deleted, then 403; unprotected, its data goes too and it is a 404 after', async () => {
    const img = await create(alice, { name: 'guarded', protected: true });
    await put(w, alice, `/v2/images/${img.id}/file`, Buffer.from('payload'));
    assert.equal((await call(w.url, alice, 'DELETE', `/image/v2/images/${img.id}`)).status, 403);
    await call(w.url, alice, 'PATCH', `/image/v2/images/${img.id}`, JSON.stringify([{ op: 'replace', path: '/protected', value: false }]), PATCH);
    assert.ok(await w.deps.imageData.has('data', img.id));
    assert.equal((await call(w.url, alice, 'DELETE', `/image/v2/images/${img.id}`)).status, 204);
    assert.equal(await w.deps.imageData.has('data', img.id), false);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).status, 404);
    assert.equal((await call(w.url, alice, 'DELETE', `/image/v2/images/${img.id}`)).status, 404);
  });

  it('When a shared image gets a member, then the member sees it, lists it once accepted, and may not remove itself', async () => {
    const img = await create(admin, { name: 'for-demo', visibility: 'shared' });
    const demo = w.ids.projects.demo;
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).status, 404);
    const added = await call(w.url, admin, 'POST', `/image/v2/images/${img.id}/members`, { member: demo });
    assert.equal(added.status, 200, added.text);
    assert.equal(added.json.status, 'pending');
    assert.equal((await call(w.url, admin, 'POST', `/image/v2/images/${img.id}/members`, { member: demo })).status, 409);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).status, 200);
    const listed = async (): Promise<boolean> => (await call(w.url, alice, 'GET', '/image/v2/images')).json.images.some((i: { id: string }) => i.id === img.id);
    assert.equal(await listed(), false, 'pending members do not list it');
    assert.equal((await call(w.url, admin, 'PUT', `/image/v2/images/${img.id}/members/${demo}`, { status: 'accepted' })).status, 200, 'an admin may answer');
    assert.equal((await call(w.url, alice, 'PUT', `/image/v2/images/${img.id}/members/${demo}`, { status: 'rejected' })).status, 200);
    assert.equal(await listed(), false);
    assert.equal((await call(w.url, alice, 'PUT', `/image/v2/images/${img.id}/members/${demo}`, { status: 'accepted' })).status, 200);
    assert.equal(await listed(), true);
    assert.equal((await call(w.url, alice, 'DELETE', `/image/v2/images/${img.id}/members/${demo}`)).status, 403);
    assert.equal((await call(w.url, admin, 'DELETE', `/image/v2/images/${img.id}/members/${demo}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).status, 404);
  });

  it('When a private image gets a member, then 403: only shared images have members', async () => {
    const img = await create(alice, { name: 'private-one', visibility: 'private' });
    const res = await call(w.url, alice, 'POST', `/image/v2/images/${img.id}/members`, { member: w.ids.projects.admin });
    assert.equal(res.status, 403);
    assert.match(res.text, /Only shared images have members/);
  });

  it('When the owner deactivates an image, then a non-admin\'s download is 403 (an admin\'s is not) until it is reactivated', async () => {
    const img = await create(alice, { name: 'to-deactivate' });
    await put(w, alice, `/v2/images/${img.id}/file`, Buffer.from('bytes'));
    assert.equal((await call(w.url, carol, 'POST', `/image/v2/images/${img.id}/actions/deactivate`)).status, 403, 'a reader may not');
    assert.equal((await call(w.url, alice, 'POST', `/image/v2/images/${img.id}/actions/deactivate`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).json.status, 'deactivated');
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}/file`)).status, 403);
    assert.equal((await call(w.url, admin, 'GET', `/image/v2/images/${img.id}/file`)).text, 'bytes');
    assert.equal((await call(w.url, alice, 'POST', `/image/v2/images/${img.id}/actions/reactivate`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}/file`)).text, 'bytes');
    const queued = await create(alice, { name: 'never-uploaded' });
    assert.equal((await call(w.url, admin, 'POST', `/image/v2/images/${queued.id}/actions/deactivate`)).status, 400);
  });

  it('When data is staged and imported with glance-direct, then the image goes uploading then active; web-download is refused', async () => {
    const img = await create(alice, { name: 'imported' });
    const bytes = randomBytes(4096);
    assert.equal((await call(w.url, alice, 'POST', `/image/v2/images/${img.id}/import`, { method: { name: 'glance-direct' } })).status, 409, 'nothing staged');
    assert.equal((await put(w, alice, `/v2/images/${img.id}/stage`, bytes)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).json.status, 'uploading');
    const web = await call(w.url, alice, 'POST', `/image/v2/images/${img.id}/import`, { method: { name: 'web-download', uri: 'http://example.com/x' } });
    assert.equal(web.status, 400);
    assert.match(web.text, /no outbound network/);
    assert.equal((await call(w.url, alice, 'POST', `/image/v2/images/${img.id}/import`, { method: { name: 'glance-direct' } })).status, 202);
    const shown = (await call(w.url, alice, 'GET', `/image/v2/images/${img.id}`)).json;
    assert.deepEqual([shown.status, shown.size, shown.os_hash_value], ['active', bytes.length, sha512(bytes)]);
    assert.deepEqual((await call(w.url, alice, 'GET', '/image/v2/info/import')).json['import-methods'].value, ['glance-direct']);
  });

  it('When images are filtered on size, then size, size_min and size_max compare the uploaded size', async () => {
    const img = await create(alice, { name: 'sized' });
    await put(w, alice, `/v2/images/${img.id}/file`, Buffer.alloc(1234));
    const ids = async (q: string): Promise<string[]> => (await call(w.url, alice, 'GET', `/image/v2/images?${q}`)).json.images.map((i: { id: string }) => i.id);
    assert.deepEqual(await ids('size=1234'), [img.id]);
    assert.ok((await ids('size_min=1234&size_max=1234')).includes(img.id));
    assert.ok(!(await ids('size_min=1235')).includes(img.id));
    assert.equal((await call(w.url, alice, 'GET', '/image/v2/images?size_min=big')).status, 400);
  });

  it('When the schemas are read, then image, images, member and members are named and image takes string extras', async () => {
    for (const name of ['image', 'images', 'member', 'members']) {
      const res = await call(w.url, carol, 'GET', `/image/v2/schemas/${name}`);
      assert.equal(res.status, 200);
      assert.equal(res.json.name, name);
    }
    const image = (await call(w.url, carol, 'GET', '/image/v2/schemas/image')).json;
    assert.deepEqual(image.additionalProperties, { type: 'string' });
    assert.ok(image.properties.os_hash_value && image.properties.visibility);
  });
});

describe('Image data store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'osim-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const ID = '0f0e0d0c-0b0a-4908-8706-050403020100';

  it('When an upload passes the size cap, then it fails and leaves no file, partial or final', async () => {
    const store = new ImageDataStore(dir, 1000);
    await store.start();
    await assert.rejects(store.write('data', ID, Readable.from([Buffer.alloc(600), Buffer.alloc(600)])), ImageTooLargeError);
    assert.deepEqual(readdirSync(dir).filter((n) => n !== 'staging'), []);
  });

  it('When a source breaks midway, then nothing is left and earlier data is untouched', async () => {
    const store = new ImageDataStore(dir);
    await store.start();
    await store.write('data', ID, Readable.from([Buffer.from('good')]));
    const broken = new Readable({ read() { this.push(Buffer.alloc(10)); this.destroy(new Error('socket hang up')); } });
    await assert.rejects(store.write('data', ID, broken), /socket hang up/);
    assert.deepEqual(readdirSync(dir).sort(), [ID, 'staging']);
    const opened = await store.open(ID);
    assert.equal(opened?.size, 4);
    // Read to the end: a stream destroyed before its lazy open could fail once the directory is gone.
    assert.equal(Buffer.concat(await opened.stream.toArray()).toString(), 'good');
  });

  const KEPT = '0f0e0d0c-0b0a-4908-8706-050403020101';
  const ORPHAN = '0f0e0d0c-0b0a-4908-8706-050403020102';

  it('When data outlives its image, then the sweep removes it after the grace period, and keeps data whose image exists', async () => {
    const store = new ImageDataStore(dir);
    await store.start();
    for (const id of [KEPT, ORPHAN]) await store.write('data', id, Readable.from([Buffer.from(id)]));
    const exists = (id: string): boolean => id === KEPT;
    assert.equal(await store.sweep(exists, 60_000), 0, 'too young: another replica may be writing it');
    assert.equal(await store.sweep(exists, 60_000, Date.now() + 120_000), 1);
    assert.deepEqual([await store.has('data', KEPT), await store.has('data', ORPHAN)], [true, false]);
  });

  it('When a name is not an image id, then the store refuses it (no path traversal)', async () => {
    const store = new ImageDataStore(dir);
    await assert.rejects(store.write('data', '../../etc/passwd', Readable.from([Buffer.from('x')])), /not an image id/);
    assert.equal(existsSync(join(dir, '..', 'etc')), false);
  });
});

describe('Image data sink and hasher under failure', () => {
  const mib = (n: number): Buffer[] => Array.from({ length: n }, () => Buffer.alloc(1024 * 1024, 7));

  it('When every disk write fails, then the upload fails promptly with the error instead of waiting for a free batch', async () => {
    const hasher = new Hasher();
    hasher.start();
    const failing = { write: () => Promise.reject(Object.assign(new Error('no space left'), { code: 'ENOSPC' })) } as unknown as FileHandle;
    try {
      await assert.rejects(pipeline(Readable.from(mib(12)), new StoreSink(failing, hasher.open(), 1024 ** 3)), /no space left/);
    } finally {
      await hasher.stop();
    }
  });

  it('When the hashing worker dies, then the uploads it was hashing fail, and a new worker hashes the next ones', async () => {
    const hasher = new Hasher();
    hasher.start();
    try {
      const doomed = hasher.open();
      await (hasher as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await assert.rejects(doomed.hash(Buffer.allocUnsafeSlow(16), 16), /hashing worker/);
      const next = hasher.open();
      await next.hash(Buffer.allocUnsafeSlow(3).fill(97), 3);
      assert.equal((await next.finish()).md5, createHash('md5').update('aaa').digest('hex'));
    } finally {
      await hasher.stop();
    }
  });
});
