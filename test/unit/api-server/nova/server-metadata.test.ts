// Nova's server metadata verbs through the whole app, on the shared metadata module: merge,
// replace, one key's show, set and delete (204), with Nova's checks on the live server.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Server } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

describe('Nova server metadata', () => {
  let w: AppWorld;
  let alice: string;
  let carol: string;
  let id: string;
  const path = (suffix = ''): string => `/compute/v2.1/servers/${id}/metadata${suffix}`;
  const stored = (): Server => w.kube.peek<Server>(Resources.Server, id, projectNamespace(w.ids.projects.demo))!;

  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    carol = await w.login('carol', 'demo');
    id = (await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID, metadata: { a: '1' } } })).json.server.id;
  });
  after(() => w.close());

  it('When the server is still building, then a write is Nova\'s 409 and a read works', async () => {
    const res = await call(w.url, alice, 'POST', path(), { metadata: { b: '2' } });
    assert.equal(res.status, 409, res.text);
    assert.match(res.json.conflictingRequest.message, /Cannot 'update metadata' instance .* while it is in task_state scheduling/);
    assert.deepEqual((await call(w.url, alice, 'GET', path())).json, { metadata: { a: '1' } });
  });

  it('When the active server\'s metadata is merged, replaced, set and deleted, then each answers as Nova and the spec holds it', async () => {
    await w.kube.replaceStatus(Resources.Server, { ...stored(), status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING' } });
    for (let i = 0; i < 200 && (await call(w.url, alice, 'GET', `/compute/v2.1/servers/${id}`)).json.server.status !== 'ACTIVE'; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual((await call(w.url, alice, 'POST', path(), { metadata: { b: '2' } })).json, { metadata: { a: '1', b: '2' } });
    assert.deepEqual((await call(w.url, alice, 'PUT', path(), { metadata: { c: '3' } })).json, { metadata: { c: '3' } });
    assert.deepEqual((await call(w.url, alice, 'PUT', path('/d'), { meta: { d: '4' } })).json, { meta: { d: '4' } });
    assert.deepEqual((await call(w.url, alice, 'GET', path('/d'))).json, { meta: { d: '4' } });
    const del = await call(w.url, alice, 'DELETE', path('/c'));
    assert.equal(del.status, 204, del.text);
    assert.deepEqual(stored().spec.metadata, { d: '4' });
  });

  it('When a key is missing, mismatched, too many or over the limit, or a reader writes, then 404, 400, 403 and nothing changes', async () => {
    assert.equal((await call(w.url, alice, 'GET', path('/nope'))).status, 404);
    assert.equal((await call(w.url, alice, 'DELETE', path('/nope'))).status, 404);
    assert.equal((await call(w.url, alice, 'PUT', path('/x'), { meta: { y: '1' } })).status, 400);
    assert.equal((await call(w.url, alice, 'PUT', path('/x'), { meta: { x: '1', y: '2' } })).status, 400);
    const many = Object.fromEntries(Array.from({ length: 128 }, (_, i) => [`k${i}`, 'v']));
    const over = await call(w.url, alice, 'POST', path(), { metadata: many });
    assert.equal(over.status, 403, over.text);
    assert.match(over.json.forbidden.message, /Quota exceeded for metadata_items: Requested 129/);
    assert.equal((await call(w.url, carol, 'POST', path(), { metadata: { r: '1' } })).status, 403);
    assert.deepEqual(stored().spec.metadata, { d: '4' });
  });
});
