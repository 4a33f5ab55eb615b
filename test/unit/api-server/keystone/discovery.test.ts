import assert from 'node:assert/strict';
import { serveKeystone, type HttpWorld } from '../auth/identity-fixture.js';

describe('Keystone version discovery', () => {
  let w: HttpWorld;
  before(async () => {
    w = await serveKeystone();
  });
  after(() => w.close());

  const v3 = (url: string): object => ({
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${url}/identity/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  });

  for (const path of ['/identity', '/identity/']) {
    it(`When GET ${path} then 300 lists v3 under versions.values`, async () => {
      const res = await fetch(`${w.url}${path}`, { headers: { Accept: 'application/json' } });
      assert.equal(res.status, 300);
      assert.deepEqual(await res.json(), { versions: { values: [v3(w.url)] } });
    });
  }

  for (const path of ['/identity/v3', '/identity/v3/']) {
    it(`When GET ${path} then 200 returns the v3 version document`, async () => {
      const res = await fetch(`${w.url}${path}`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { version: v3(w.url) });
    });
  }

  it('When the path is unknown then 404 comes in Keystone format', async () => {
    const res = await fetch(`${w.url}/identity/v3/nothing-here`);
    assert.equal(res.status, 404);
    const body = (await res.json()) as { error: { code: number; title: string } };
    assert.equal(body.error.code, 404);
    assert.equal(body.error.title, 'Not Found');
  });
});
