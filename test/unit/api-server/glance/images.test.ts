import assert from 'node:assert/strict';
import { imageListFilter, imageVisible } from '../../../../api-server/src/services/glance/images/images.access.js';
import { API_VERSION, Resources } from '../../../../crds/resources.js';
import type { Image } from '../../../../crds/types.generated.js';
import type { AuthContext } from '../../../../api-server/src/common/route.js';
import { call, HIDDEN_IMAGE_ID, IMAGE_ID, PRIVATE_IMAGE_ID, SHARED_IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const ids = (res: { json: { images: { id: string }[] } }): string[] => res.json.images.map((i) => i.id);

describe('Glance image access rules', () => {
  const image = (visibility: Image['spec']['visibility'], owner: string, osHidden = false): Image => ({
    apiVersion: API_VERSION, kind: 'Image', metadata: { name: 'i' }, spec: { name: 'i', visibility, owner, osHidden },
  });
  const withMember = (img: Image, status: 'pending' | 'accepted'): Image => ({
    ...img, spec: { ...img.spec, members: [{ projectId: 'me', status, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }] },
  });
  const mine = { isAdmin: false, projectId: 'me' } as AuthContext;
  const admin = { isAdmin: true, projectId: 'adm' } as AuthContext;
  const cases: { reason: string; img: Image; auth: AuthContext; query: Record<string, string>; visible: boolean; listed: boolean }[] = [
    { reason: 'public, anyone\'s', img: image('public', 'x'), auth: mine, query: {}, visible: true, listed: true },
    { reason: 'private, another project\'s', img: image('private', 'x'), auth: mine, query: {}, visible: false, listed: true },
    { reason: 'private, the caller\'s own', img: image('private', 'me'), auth: mine, query: {}, visible: true, listed: true },
    { reason: 'shared, another project\'s (no members yet)', img: image('shared', 'x'), auth: mine, query: {}, visible: false, listed: false },
    { reason: 'shared, another project\'s, with the caller\'s project a pending member', img: withMember(image('shared', 'x'), 'pending'), auth: mine, query: {}, visible: true, listed: false },
    { reason: 'shared, another project\'s, accepted by the caller\'s project', img: withMember(image('shared', 'x'), 'accepted'), auth: mine, query: {}, visible: true, listed: true },
    { reason: 'shared, pending, listed with member_status=pending', img: withMember(image('shared', 'x'), 'pending'), auth: mine, query: { member_status: 'pending' }, visible: true, listed: true },
    { reason: 'community, another project\'s, without a filter', img: image('community', 'x'), auth: mine, query: {}, visible: true, listed: false },
    { reason: 'community, another project\'s, asked for', img: image('community', 'x'), auth: mine, query: { visibility: 'community' }, visible: true, listed: true },
    { reason: 'private, another project\'s, for an admin', img: image('private', 'x'), auth: admin, query: {}, visible: true, listed: true },
    { reason: 'public, filtered on private', img: image('public', 'me'), auth: mine, query: { visibility: 'private' }, visible: true, listed: false },
    { reason: 'public and hidden, without os_hidden', img: image('public', 'x', true), auth: mine, query: {}, visible: true, listed: false },
    { reason: 'public and hidden, with os_hidden=true', img: image('public', 'x', true), auth: mine, query: { os_hidden: 'true' }, visible: true, listed: true },
    { reason: 'public, not hidden, with os_hidden=true', img: image('public', 'x'), auth: mine, query: { os_hidden: 'True' }, visible: true, listed: false },
  ];
  for (const c of cases) {
    it(`When the image is ${c.reason}, then it is ${c.visible ? '' : 'not '}visible and ${c.listed ? 'passes' : 'fails'} the list filter`, () => {
      assert.equal(imageVisible(c.img, c.auth), c.visible);
      assert.equal(imageListFilter(c.query, c.auth)(c.img), c.listed);
    });
  }

  it('When visibility or os_hidden has an unknown value, then 400', () => {
    assert.throws(() => imageListFilter({ visibility: 'secret' }, mine), /Invalid visibility value: secret/);
    assert.throws(() => imageListFilter({ os_hidden: 'maybe' }, mine), /Invalid value 'maybe' for 'os_hidden' filter/);
  });
});

describe('Glance /v2/images', () => {
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

  it('When an image is asked for with an empty id (GET /v2/images/), then it is a 404, not the list', async () => {
    const alice = await w.login('alice', 'demo');
    const res = await call(w.url, alice, 'GET', '/image/v2/images/');
    assert.equal(res.status, 404);
    assert.equal((await call(w.url, alice, 'GET', '/image/v2/images')).status, 200);
  });

  it('When the image root is read, then 300 lists v2; an explicit /versions is 200', async () => {
    const res = await call(w.url, undefined, 'GET', '/image');
    assert.equal(res.status, 300);
    assert.equal(res.json.versions[0].links[0].href, `${w.url}/image/v2/`);
    assert.equal((await call(w.url, undefined, 'GET', '/image/versions')).status, 200);
  });

  it('When a member lists images, then public ones show and another project\'s private one does not', async () => {
    const res = await call(w.url, alice, 'GET', '/image/v2/images');
    assert.deepEqual(ids(res), [IMAGE_ID]);
    assert.equal(res.json.images[0].status, 'active');
    assert.equal(res.json.images[0].container_image, 'busybox', 'extra properties sit at the top level');
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${PRIVATE_IMAGE_ID}`)).status, 404);
    assert.equal((await call(w.url, admin, 'GET', `/image/v2/images/${PRIVATE_IMAGE_ID}`)).status, 200);
  });

  it('When a reader lists images, then Glance\'s reader policy lets them', async () => {
    assert.deepEqual(ids(await call(w.url, carol, 'GET', '/image/v2/images')), [IMAGE_ID]);
  });

  it('When a member filters on visibility=shared or private, then other projects\' images stay hidden', async () => {
    for (const v of ['shared', 'private']) {
      const res = await call(w.url, alice, 'GET', `/image/v2/images?visibility=${v}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json.images, []);
      const own = await call(w.url, admin, 'GET', `/image/v2/images?visibility=${v}`);
      assert.deepEqual(ids(own), [v === 'shared' ? SHARED_IMAGE_ID : PRIVATE_IMAGE_ID], `the owner sees its ${v} image`);
    }
  });

  it('When an unknown key is asked for, then it filters on the image property of that name (Glance\'s extra property filters)', async () => {
    w.kube.seed(Resources.Image, { apiVersion: API_VERSION, kind: 'Image', metadata: { name: 'prop-image' }, spec: { name: 'backup', visibility: 'public', owner: w.ids.projects.admin, properties: { image_type: 'backup', backup_type: 'daily' } }, status: { status: 'active' } } as never);
    const listed = async (q: string) => ids(await call(w.url, alice, 'GET', `/image/v2/images?${q}`));
    for (const end = Date.now() + 5_000; Date.now() < end && !(await listed('')).includes('prop-image'); ) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(await listed('image_type=backup&backup_type=daily'), ['prop-image']);
    assert.deepEqual(await listed('image_type=backup&backup_type=weekly'), []);
    assert.ok((await listed('protected=false')).includes(IMAGE_ID), 'a key Glance reads itself is no property filter');
    await w.kube.delete(Resources.Image, 'prop-image');
    for (const end = Date.now() + 5_000; Date.now() < end && (await listed('')).includes('prop-image'); ) await new Promise((r) => setTimeout(r, 10));
  });

  it('When os_hidden=true is asked for, then only the hidden image is listed, and it can still be shown', async () => {
    assert.deepEqual(ids(await call(w.url, alice, 'GET', '/image/v2/images?os_hidden=true')), [HIDDEN_IMAGE_ID]);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${HIDDEN_IMAGE_ID}`)).status, 200);
  });

  it('When images are paged with sort=name:asc, then the next link is relative, keeps the query and the pages do not overlap', async () => {
    const first = await call(w.url, admin, 'GET', '/image/v2/images?sort=name:asc&limit=2');
    assert.deepEqual(first.json.images.map((i: { name: string }) => i.name), ['admin-only', 'admin-shared']);
    assert.match(first.json.next, /^\/v2\/images\?/);
    const next = new URLSearchParams(first.json.next.split('?')[1]);
    assert.equal(next.get('sort'), 'name:asc');
    const second = await call(w.url, admin, 'GET', `/image${first.json.next}`);
    assert.deepEqual(second.json.images.map((i: { name: string }) => i.name), ['cirros']);
    assert.equal(second.json.next, undefined);
  });

  it('When the marker or sort key is unknown, then 400', async () => {
    assert.match((await call(w.url, alice, 'GET', '/image/v2/images?marker=nope')).text, /No image found with ID nope/);
    assert.equal((await call(w.url, alice, 'GET', '/image/v2/images?sort_key=colour')).status, 400);
  });

  it('When filtering with id=in:, then only the listed visible images come back', async () => {
    const res = await call(w.url, alice, 'GET', `/image/v2/images?id=in:${IMAGE_ID},${PRIVATE_IMAGE_ID}`);
    assert.deepEqual(ids(res), [IMAGE_ID]);
  });

  it('When an image is unknown, then 404 with Glance\'s plain-text body', async () => {
    const res = await call(w.url, alice, 'GET', '/image/v2/images/cirros');
    assert.equal(res.status, 404);
    assert.match(res.text, /^404 Not Found/);
  });
});
