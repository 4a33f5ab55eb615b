// /servers/{id}/tags (2.26) through the whole app, as one table of steps in order: the request, the
// answer, and the tags left on the Server; then the list filters over servers tagged differently.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Server } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const V226 = { 'OpenStack-API-Version': 'compute 2.26' };
type Step = [what: string, method: string, tail: string, body: object | undefined, headers: Record<string, string>, status: number, tagsAfter: string[]];

const STEPS: Step[] = [
  ['the tags are listed below 2.26', 'GET', '/tags', undefined, { 'OpenStack-API-Version': 'compute 2.25' }, 404, []],
  ['a tag is added', 'PUT', '/tags/web', undefined, V226, 201, ['web']],
  ['the same tag is added again', 'PUT', '/tags/web', undefined, V226, 204, ['web']],
  ['a tag with a comma is added', 'PUT', '/tags/a%2Cb', undefined, V226, 400, ['web']],
  ['a 61-character tag is added', 'PUT', `/tags/${'t'.repeat(61)}`, undefined, V226, 400, ['web']],
  ['an existing tag is checked', 'GET', '/tags/web', undefined, V226, 204, ['web']],
  ['a missing tag is checked', 'GET', '/tags/db', undefined, V226, 404, ['web']],
  ['all tags are replaced (a repeat counts once)', 'PUT', '/tags', { tags: ['db', 'prod', 'db'] }, V226, 200, ['db', 'prod']],
  ['51 tags are put', 'PUT', '/tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, V226, 400, ['db', 'prod']],
  ['a missing tag is deleted', 'DELETE', '/tags/web', undefined, V226, 404, ['db', 'prod']],
  ['a tag is deleted', 'DELETE', '/tags/db', undefined, V226, 204, ['prod']],
  ['all tags are deleted', 'DELETE', '/tags', undefined, V226, 204, []],
];

describe('Nova server tags', () => {
  let w: AppWorld;
  let alice: string;
  const ids: string[] = [];
  const stored = (id: string): Server => w.kube.peek<Server>(Resources.Server, id, projectNamespace(w.ids.projects.demo))!;

  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    for (const name of ['a', 'b', 'c']) {
      const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name, imageRef: IMAGE_ID, flavorRef: '1' } });
      assert.equal(res.status, 202, res.text);
      ids.push(res.json.server.id);
      await w.kube.replaceStatus(Resources.Server, { ...stored(res.json.server.id), status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING' } });
    }
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await call(w.url, alice, 'GET', `/compute/v2.1/servers/${ids[2]}`)).json.server.status === 'ACTIVE') return;
    }
    throw new Error('the API never showed the servers ACTIVE');
  });
  after(() => w.close());

  for (const [what, method, tail, body, headers, status, tagsAfter] of STEPS) {
    it(`When ${what}, then ${status} and the server's tags are [${tagsAfter.join(', ')}]`, async () => {
      const res = await call(w.url, alice, method, `/compute/v2.1/servers/${ids[0]}${tail}`, body, headers);
      assert.equal(res.status, status, res.text);
      assert.deepEqual(stored(ids[0]).spec.tags ?? [], tagsAfter);
      if (status === 201) assert.equal(res.headers.get('location'), `${w.url}/compute/v2.1/servers/${ids[0]}/tags/web`);
      if (status === 200) assert.deepEqual(res.json.tags, tagsAfter);
      const shown = await call(w.url, alice, 'GET', `/compute/v2.1/servers/${ids[0]}`, undefined, V226);
      assert.deepEqual(shown.json.server.tags, tagsAfter, 'the server view holds the same tags');
    });
  }

  it('When the server is building, then a tag write is 409 (Nova\'s vm_state check) and nothing changes', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'new', imageRef: IMAGE_ID, flavorRef: '1' } });
    const put = await call(w.url, alice, 'PUT', `/compute/v2.1/servers/${res.json.server.id}/tags/x`, undefined, V226);
    assert.equal(put.status, 409, put.text);
    assert.match(put.json.conflictingRequest.message, /vm_state building/);
    assert.equal(stored(res.json.server.id).spec.tags, undefined);
  });

  const tagged: Record<number, string[]> = { 0: ['red'], 1: ['red', 'blue'], 2: ['green'] };
  const filters: [query: string, matches: number[]][] = [
    ['tags=red', [0, 1]],
    ['tags=red,blue', [1]],
    ['tags-any=blue,green', [1, 2]],
    ['not-tags=red,blue', [0, 2]],
    ['not-tags-any=red', [2]],
    ['tags=red&not-tags=blue', [0]],
  ];
  for (const [query, matches] of filters) {
    it(`When servers are listed with ${query}, then exactly servers ${matches.join(', ')} are listed; below 2.26 the filter is ignored`, async () => {
      for (const [i, tags] of Object.entries(tagged)) assert.equal((await call(w.url, alice, 'PUT', `/compute/v2.1/servers/${ids[Number(i)]}/tags`, { tags }, V226)).status, 200);
      const res = await call(w.url, alice, 'GET', `/compute/v2.1/servers?${query}`, undefined, V226);
      const listed = res.json.servers.map((s: { id: string }) => s.id).filter((id: string) => ids.includes(id));
      assert.deepEqual(listed.sort(), matches.map((i) => ids[i]).sort());
      const old = await call(w.url, alice, 'GET', `/compute/v2.1/servers?${query}`, undefined, { 'OpenStack-API-Version': 'compute 2.25' });
      assert.deepEqual(old.json.servers.map((s: { id: string }) => s.id).filter((id: string) => ids.includes(id)).sort(), [...ids].sort());
    });
  }
});
