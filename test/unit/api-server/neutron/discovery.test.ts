// Neutron's discovery documents (gophercloud fails without a parseable /network) and the extension
// list (Tempest's test_list_show_extensions: show equals the list entry; an unknown alias is 404).
import assert from 'node:assert/strict';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

describe('Neutron discovery', () => {
  let w: AppWorld;
  let alice: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
  });
  after(() => w.close());

  for (const path of ['/network', '/network/']) {
    it(`When GET ${path} without a token, then 200 with v2.0 CURRENT and a self link on the public URL`, async () => {
      const res = await call(w.url, undefined, 'GET', path);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json.versions, [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${w.url}/network/v2.0/` }] }]);
    });
  }

  it('When GET /v2.0/, then the served collections are listed (network among them), and a token is needed', async () => {
    const res = await call(w.url, alice, 'GET', '/network/v2.0/');
    assert.equal(res.status, 200);
    assert.ok(res.json.resources.some((r: { name: string; collection: string }) => r.name === 'network' && r.collection === 'networks'));
    assert.equal((await call(w.url, undefined, 'GET', '/network/v2.0')).status, 401);
  });

  it('When the extensions are listed, then each alias shows the same entry; trunk (not implemented) is absent and 404', async () => {
    const list = await call(w.url, alice, 'GET', '/network/v2.0/extensions');
    assert.equal(list.status, 200);
    const aliases = list.json.extensions.map((e: { alias: string }) => e.alias);
    assert.ok(aliases.includes('standard-attr-tag') && aliases.includes('external-net'));
    assert.equal(aliases.includes('trunk'), false);
    for (const e of list.json.extensions) {
      const show = await call(w.url, alice, 'GET', `/network/v2.0/extensions/${e.alias}`);
      assert.deepEqual(show.json.extension, e);
    }
    const missing = await call(w.url, alice, 'GET', '/network/v2.0/extensions/trunk');
    assert.equal(missing.status, 404);
    assert.ok(missing.json.NeutronError);
    assert.equal((await call(w.url, alice, 'GET', '/network/v2.0/trunks')).status, 404, 'trunks: a clear 404, no pretend success');
  });
});
