// Nova's server groups through the whole app: create, list, show, delete at 2.1; a server created
// with the group hint is a member and carries the group's policy for its Pod.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Server } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

describe('Nova os-server-groups', () => {
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let group: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
  });
  after(() => w.close());

  it('When a member creates an anti-affinity group, then 200 with Nova\'s 2.1 view and no members', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/os-server-groups', { server_group: { name: 'spread', policies: ['anti-affinity'] } });
    assert.equal(res.status, 200, res.text);
    group = res.json.server_group.id;
    assert.deepEqual({ ...res.json.server_group, id: undefined }, { id: undefined, name: 'spread', policies: ['anti-affinity'], members: [], metadata: {} });
  });

  it('When servers are created with the group hint, then they are its members and carry its policy', async () => {
    const ids: string[] = [];
    for (const name of ['a', 'b']) {
      const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name, flavorRef: '1', imageRef: IMAGE_ID }, 'os:scheduler_hints': { group } });
      assert.equal(res.status, 202, res.text);
      ids.push(res.json.server.id);
    }
    const stored = w.kube.peek<Server>(Resources.Server, ids[0], projectNamespace(w.ids.projects.demo));
    assert.deepEqual(stored?.spec.serverGroup, { id: group, policy: 'anti-affinity' });
    const shown = await call(w.url, alice, 'GET', `/compute/v2.1/os-server-groups/${group}`);
    assert.deepEqual([...shown.json.server_group.members].sort(), [...ids].sort());
  });

  it('When the hint names a missing group or no uuid, or the policy is unknown, then 400 and nothing is made', async () => {
    const before = (await w.kube.list<Server>(Resources.Server)).items.length;
    const missing = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'x', flavorRef: '1', imageRef: IMAGE_ID }, 'os:scheduler_hints': { group: '00000000-0000-4000-8000-000000000000' } });
    assert.equal(missing.status, 400, missing.text);
    const notUuid = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'x', flavorRef: '1', imageRef: IMAGE_ID }, 'os:scheduler_hints': { group: 'spread' } });
    assert.equal(notUuid.status, 400, notUuid.text);
    assert.equal((await w.kube.list<Server>(Resources.Server)).items.length, before);
    const soft = await call(w.url, alice, 'POST', '/compute/v2.1/os-server-groups', { server_group: { name: 'g', policies: ['soft-affinity'] } });
    assert.equal(soft.status, 400, 'soft policies are 2.15\'s');
  });

  it('When another project looks, then the group is a 404 and absent from its list; an admin lists it with all_projects', async () => {
    const other = await w.login('admin', 'admin');
    assert.equal((await call(w.url, other, 'GET', '/compute/v2.1/os-server-groups')).json.server_groups.length, 0);
    const all = await call(w.url, admin, 'GET', '/compute/v2.1/os-server-groups?all_projects=True');
    assert.deepEqual(all.json.server_groups.map((g: { id: string }) => g.id), [group]);
  });

  it('When the group is deleted, then 204 and a show is 404', async () => {
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/os-server-groups/${group}`)).status, 204);
    const gone = await call(w.url, alice, 'GET', `/compute/v2.1/os-server-groups/${group}`);
    assert.equal(gone.status, 404, gone.text);
    assert.match(gone.json.itemNotFound.message, /Instance group .* could not be found/);
  });
});
