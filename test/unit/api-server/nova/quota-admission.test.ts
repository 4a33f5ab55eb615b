// Nova's quota admission through the whole app: server create (count, cores, RAM, min/max_count,
// group members, metadata), delete, resize and revert, server groups and keypairs, each refused
// with Nova's 403 and leaving nothing behind, and each freeing its room when it goes.
import assert from 'node:assert/strict';
import type { Quota, Server } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

describe('Nova quota admission', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  const limit = async (limits: Record<string, number>): Promise<void> => {
    const res = await call(w.url, admin, 'PUT', `/compute/v2.1/os-quota-sets/${w.ids.projects.demo}`, { quota_set: { ...limits, force: true } });
    assert.equal(res.status, 200, res.text);
  };
  const boot = (name: string, extra: object = {}, flavorRef = '1'): ReturnType<typeof call> =>
    call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name, flavorRef, imageRef: IMAGE_ID, ...extra } });
  const servers = async (prefix: string): Promise<Server[]> => (await w.kube.list<Server>(Resources.Server, { namespace: projectNamespace(w.ids.projects.demo) })).items.filter((s) => s.spec.name.startsWith(prefix));
  const claims = async (): Promise<string[]> => Object.keys((await w.kube.get<Quota>(Resources.Quota, 'compute', projectNamespace(w.ids.projects.demo)))?.spec.claims ?? {});
  before(async () => {
    w = await serveApp();
    [admin, alice] = [await w.login('admin', 'admin'), await w.login('alice', 'demo')];
  });
  after(() => w.close());

  it('When the instance quota is full, then the next create is Nova\'s 403 and no server nor claim is added; a delete frees the room', async () => {
    await limit({ instances: 2, cores: -1, ram: -1 });
    const ids: string[] = [];
    for (const name of ['full-1', 'full-2']) ids.push((await boot(name)).json.server.id);
    const before = await claims();
    const third = await boot('full-3');
    assert.equal(third.status, 403);
    assert.deepEqual(third.json, { forbidden: { code: 403, message: 'Quota exceeded for instances: Requested 1, but already used 2 of 2 instances' } });
    assert.equal((await servers('full-3')).length, 0);
    assert.deepEqual(await claims(), before);
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${ids[0]}`)).status, 204);
    assert.equal((await boot('full-3')).status, 202);
  });

  it('When max_count asks for more than fit and min_count fits, then as many as fit are created; when min_count does not fit, 403 and none', async () => {
    await limit({ instances: 5 });
    const some = await boot('some', { min_count: 1, max_count: 10 });
    assert.equal(some.status, 202, some.text);
    assert.equal((await servers('some-')).length, 3);
    const none = await boot('none', { min_count: 2, max_count: 4 });
    assert.equal(none.status, 403);
    assert.equal(none.json.forbidden.message, 'Quota exceeded for instances: Requested 2-4, but already used 5 of 5 instances');
    assert.equal((await servers('none')).length, 0);
  });

  const overs: [string, Record<string, number>, string, string][] = [
    ['cores', { instances: -1, cores: 5, ram: -1 }, '2', 'Quota exceeded for cores: Requested 1, but already used 5 of 5 cores'],
    ['ram', { instances: -1, cores: -1, ram: 2048 }, '2', 'Quota exceeded for ram: Requested 2048, but already used 2560 of 2048 ram'],
    ['cores and ram', { instances: -1, cores: 5, ram: 2048 }, '2', 'Quota exceeded for cores, ram: Requested 1, 2048, but already used 5, 2560 of 5, 2048 cores, ram'],
  ];
  for (const [what, limits, flavor, message] of overs) {
    it(`When a create would pass the ${what} quota, then Nova's 403 names it`, async () => {
      await limit(limits);
      const res = await boot(`over-${what}`, {}, flavor);
      assert.equal(res.status, 403, res.text);
      assert.equal(res.json.forbidden.message, message);
    });
  }

  it('When a resize grows past the cores quota, then 403 and the server keeps its flavor; a resize within it claims the new cores', async () => {
    await limit({ instances: -1, cores: -1, ram: -1 });
    const id = (await boot('grow')).json.server.id as string;
    const ns = projectNamespace(w.ids.projects.demo);
    const cr = w.kube.peek<Server>(Resources.Server, id, ns)!;
    await w.kube.replaceStatus(Resources.Server, { ...cr, status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', host: 'node-1' } });
    await new Promise((r) => setTimeout(r, 50));
    const used = (await call(w.url, alice, 'GET', '/compute/v2.1/limits')).json.limits.absolute.totalCoresUsed as number;
    await limit({ cores: used });
    const refused = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { resize: { flavorRef: '99' } });
    assert.ok([400, 403].includes(refused.status), refused.text); // '99' is private: unusable, as missing
    w.kube.seed(Resources.Flavor, { apiVersion: 'openstack.sim/v1alpha1', kind: 'Flavor', metadata: { name: '4' }, spec: { name: 'm1.big', vcpus: 4, ramMiB: 512, diskGiB: 1, isPublic: true } });
    await new Promise((r) => setTimeout(r, 50));
    const over = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { resize: { flavorRef: '4' } });
    assert.equal(over.status, 403, over.text);
    assert.equal(over.json.forbidden.message, `Quota exceeded for cores: Requested 3, but already used ${used} of ${used} cores`);
    assert.equal(w.kube.peek<Server>(Resources.Server, id, ns)!.spec.flavorRef, '1');
    await limit({ cores: used + 3 });
    assert.equal((await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { resize: { flavorRef: '4' } })).status, 202);
    const quota = await w.kube.get<Quota>(Resources.Quota, 'compute', ns);
    assert.equal(quota!.spec.claims![`${Resources.Server.plural}/${id}`].resources.cores, 4);
  });

  it('When the server group quota is full, then 403 "Quota exceeded, too many server groups." and a delete frees it', async () => {
    await limit({ server_groups: 1, server_group_members: 1, instances: -1, cores: -1, ram: -1 });
    const group = await call(w.url, alice, 'POST', '/compute/v2.1/os-server-groups', { server_group: { name: 'g1', policies: ['affinity'] } });
    assert.equal(group.status, 200, group.text);
    const second = await call(w.url, alice, 'POST', '/compute/v2.1/os-server-groups', { server_group: { name: 'g2', policies: ['affinity'] } });
    assert.deepEqual(second.json, { forbidden: { code: 403, message: 'Quota exceeded, too many server groups.' } });
    const hint = { 'os:scheduler_hints': { group: group.json.server_group.id } };
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'member-1', flavorRef: '1', imageRef: IMAGE_ID }, ...hint })).status, 202);
    const crowded = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'member-2', flavorRef: '1', imageRef: IMAGE_ID }, ...hint });
    assert.equal(crowded.json.forbidden.message, 'Quota exceeded, too many servers in group');
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/os-server-groups/${group.json.server_group.id}`)).status, 204);
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/os-server-groups', { server_group: { name: 'g3', policies: ['affinity'] } })).status, 200);
  });

  it('When the key pair quota is full, then 403 "Quota exceeded, too many key pairs." and a delete frees it', async () => {
    await limit({ key_pairs: 1 });
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'k1' } })).status, 200);
    const second = await call(w.url, alice, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'k2' } });
    assert.deepEqual(second.json, { forbidden: { code: 403, message: 'Quota exceeded, too many key pairs.' } });
    assert.equal((await call(w.url, alice, 'DELETE', '/compute/v2.1/os-keypairs/k1')).status, 202);
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'k2' } })).status, 200);
  });

  it('When metadata passes the metadata_items quota, then 403 on create and on a metadata write', async () => {
    await limit({ metadata_items: 2, instances: -1, cores: -1, ram: -1 });
    const created = await boot('meta-over', { metadata: { a: '1', b: '2', c: '3' } });
    assert.equal(created.status, 403);
    assert.equal(created.json.forbidden.message, 'Quota exceeded for metadata_items: Requested 3, but already used 0 of 2 metadata_items');
    const id = (await boot('meta-ok', { metadata: { a: '1' } })).json.server.id as string;
    const ns = projectNamespace(w.ids.projects.demo);
    const cr = w.kube.peek<Server>(Resources.Server, id, ns)!;
    await w.kube.replaceStatus(Resources.Server, { ...cr, status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', host: 'node-1' } });
    await new Promise((r) => setTimeout(r, 50));
    const write = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/metadata`, { metadata: { b: '2', c: '3' } });
    assert.equal(write.status, 403, write.text);
    await limit({ metadata_items: 128 });
    const many = Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`k${i}`, 'v']));
    const set = await call(w.url, alice, 'PUT', `/compute/v2.1/servers/${id}/metadata`, { metadata: many });
    assert.equal(set.status, 403, 'past the quota is the quota\'s 403, not a schema 400');
    assert.equal((await boot('meta-129', { metadata: many })).status, 403);
  });
});
