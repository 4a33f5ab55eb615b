// Nova's os-quota-sets, os-quota-class-sets and /limits through the whole app: the keys each
// microversion shows (Tempest's schemas), the admin's update (Nova's settable range, force),
// per-user limits, delete back to the defaults, and who may do what.
import assert from 'node:assert/strict';
import { call, FIXTURE_COMPUTE_LIMITS, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const BASE = ['cores', 'instances', 'key_pairs', 'metadata_items', 'ram', 'server_group_members', 'server_groups'];
const NETWORK = ['fixed_ips', 'floating_ips', 'security_group_rules', 'security_groups'];
const INJECTED = ['injected_file_content_bytes', 'injected_file_path_bytes', 'injected_files'];
const mv = (v: string): Record<string, string> => ({ 'OpenStack-API-Version': `compute ${v}` });
const sorted = (o: object): string[] => Object.keys(o).sort();

describe('Nova os-quota-sets, os-quota-class-sets and /limits', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  let carol: string;
  let demo: string;
  const path = (suffix = ''): string => `/compute/v2.1/os-quota-sets/${demo}${suffix}`;
  before(async () => {
    w = await serveApp();
    [admin, alice, carol] = [await w.login('admin', 'admin'), await w.login('alice', 'demo'), await w.login('carol', 'demo')];
    demo = w.ids.projects.demo;
  });
  after(() => w.close());

  const shownByVersion: [string, string[]][] = [
    ['2.1', [...BASE, ...NETWORK, ...INJECTED]],
    ['2.36', [...BASE, ...INJECTED]],
    ['2.57', BASE],
  ];
  for (const [version, keys] of shownByVersion) {
    it(`When a project's quotas are shown at ${version}, then show, detail and defaults carry exactly that version's resources and the id`, async () => {
      for (const suffix of ['', '/detail', '/defaults']) {
        const res = await call(w.url, alice, 'GET', path(suffix), undefined, mv(version));
        assert.equal(res.status, 200, `${suffix}: ${res.text}`);
        assert.deepEqual(sorted(res.json.quota_set), [...keys, 'id'].sort(), suffix);
        assert.equal(res.json.quota_set.id, demo);
      }
    });
  }

  it('When the admin sets ram as a string, then show and detail have the new limit and detail counts the servers in use', async () => {
    const put = await call(w.url, admin, 'PUT', path(), { quota_set: { ram: '5120', instances: 4 } });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.quota_set.ram, 5120);
    assert.ok(!('id' in put.json.quota_set), 'update answers no id, as Nova');
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'q1', flavorRef: '2', imageRef: IMAGE_ID } })).status, 202);
    const detail = await eventually(async () => (await call(w.url, alice, 'GET', path('/detail'))).json.quota_set, (q) => q.instances.in_use === 1);
    assert.deepEqual(detail.ram, { in_use: 2048, limit: 5120, reserved: 0 });
    assert.deepEqual(detail.cores, { in_use: 1, limit: FIXTURE_COMPUTE_LIMITS.cores, reserved: 0 });
  });

  it('When a limit below what is in use is set, then 400 with Nova\'s message unless forced', async () => {
    const refused = await call(w.url, admin, 'PUT', path(), { quota_set: { ram: 1024 } });
    assert.equal(refused.status, 400);
    assert.equal(refused.json.badRequest.message, 'Quota limit 1024 for ram must be greater than or equal to already used and reserved 2048.');
    const forced = await call(w.url, admin, 'PUT', path(), { quota_set: { ram: 1024, force: true } });
    assert.equal(forced.status, 200, forced.text);
    assert.equal(forced.json.quota_set.ram, 1024);
  });

  const refusedBodies: [string, object, string, number][] = [
    ['below -1', { instances: -2 }, '2.1', 400],
    ['a network resource at 2.36', { floating_ips: 10 }, '2.36', 400],
    ['an injected file resource at 2.57', { injected_files: 1 }, '2.57', 400],
    ['an unknown resource', { gpus: 1 }, '2.1', 400],
  ];
  for (const [what, body, version, status] of refusedBodies) {
    it(`When the update has ${what}, then ${status} and nothing changes`, async () => {
      const before = (await call(w.url, admin, 'GET', path())).json.quota_set;
      assert.equal((await call(w.url, admin, 'PUT', path(), { quota_set: body }, mv(version))).status, status);
      assert.deepEqual((await call(w.url, admin, 'GET', path())).json.quota_set, before);
    });
  }

  it('When the admin updates a project that does not exist, then 400 as Nova\'s verify_project_id', async () => {
    const res = await call(w.url, admin, 'PUT', `/compute/v2.1/os-quota-sets/${'e'.repeat(32)}`, { quota_set: { instances: 5 } });
    assert.equal(res.status, 400);
    assert.equal(res.json.badRequest.message, `Project ID ${'e'.repeat(32)} is not a valid project.`);
  });

  it('When a user\'s own limit is set, then show with user_id has it, the project keeps its own, and a user limit above the project\'s is 400', async () => {
    const user = w.ids.users.alice;
    assert.equal((await call(w.url, admin, 'PUT', path(`?user_id=${user}`), { quota_set: { instances: 2 } })).status, 200);
    assert.equal((await call(w.url, admin, 'GET', path(`?user_id=${user}`))).json.quota_set.instances, 2);
    assert.equal((await call(w.url, admin, 'GET', path())).json.quota_set.instances, 4);
    const over = await call(w.url, admin, 'PUT', path(`?user_id=${user}`), { quota_set: { instances: 5 } });
    assert.equal(over.status, 400);
    assert.equal(over.json.badRequest.message, 'Quota limit 5 for instances must be less than or equal to 4.');
  });

  it('When the quotas are deleted, then 202 and show is back to the defaults, for the project and its users', async () => {
    assert.equal((await call(w.url, admin, 'DELETE', path())).status, 202);
    const shown = (await call(w.url, admin, 'GET', path())).json.quota_set;
    const defaults = (await call(w.url, admin, 'GET', path('/defaults'))).json.quota_set;
    assert.deepEqual(shown, defaults);
    assert.equal((await call(w.url, admin, 'GET', path(`?user_id=${w.ids.users.alice}`))).json.quota_set.instances, defaults.instances);
  });

  const forbiddenCalls: [string, string, string, () => string, object | undefined][] = [
    ['a member updates', 'alice', 'PUT', () => path(), { quota_set: { instances: 100 } }],
    ['a member deletes', 'alice', 'DELETE', () => path(), undefined],
    ['a reader updates', 'carol', 'PUT', () => path(), { quota_set: { instances: 100 } }],
    ['a member shows another project\'s', 'alice', 'GET', () => `/compute/v2.1/os-quota-sets/${w.ids.projects.admin}`, undefined],
    ['a member shows a quota class', 'alice', 'GET', () => '/compute/v2.1/os-quota-class-sets/default', undefined],
    ['a member asks another project\'s limits', 'alice', 'GET', () => `/compute/v2.1/limits?tenant_id=${w.ids.projects.admin}`, undefined],
  ];
  for (const [what, who, method, at, body] of forbiddenCalls) {
    it(`When ${what}, then 403`, async () => {
      const token = who === 'alice' ? alice : carol;
      assert.equal((await call(w.url, token, method, at(), body)).status, 403);
    });
  }

  it('When the admin raises the default class, then a project without limits of its own shows it; below 2.50 the class hides the server group resources', async () => {
    const put = await call(w.url, admin, 'PUT', '/compute/v2.1/os-quota-class-sets/default', { quota_class_set: { instances: 33 } }, mv('2.57'));
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(sorted(put.json.quota_class_set), BASE);
    assert.equal((await call(w.url, alice, 'GET', path())).json.quota_set.instances, 33);
    const old = await call(w.url, admin, 'GET', '/compute/v2.1/os-quota-class-sets/default');
    assert.deepEqual(sorted(old.json.quota_class_set), [...BASE.filter((r) => !r.startsWith('server_group')), ...NETWORK, ...INJECTED, 'id'].sort());
    assert.equal((await call(w.url, admin, 'PUT', '/compute/v2.1/os-quota-class-sets/default', { quota_class_set: { instances: 10 } })).status, 200);
  });

  const limitsByVersion: [string, string[], string[]][] = [
    ['2.1', ['maxImageMeta', 'maxPersonality', 'maxSecurityGroups', 'totalFloatingIpsUsed'], []],
    ['2.36', ['maxImageMeta', 'maxPersonality'], ['maxSecurityGroups', 'totalFloatingIpsUsed']],
    ['2.39', ['maxPersonality'], ['maxImageMeta']],
    ['2.57', ['maxTotalInstances'], ['maxPersonality', 'maxPersonalitySize']],
  ];
  for (const [version, present, absent] of limitsByVersion) {
    it(`When /limits is asked at ${version}, then its absolute limits follow that version and usage is true`, async () => {
      const res = await call(w.url, alice, 'GET', '/compute/v2.1/limits', undefined, mv(version));
      assert.equal(res.status, 200, res.text);
      for (const k of present) assert.ok(k in res.json.limits.absolute, k);
      for (const k of absent) assert.ok(!(k in res.json.limits.absolute), k);
      assert.deepEqual(res.json.limits.rate, []);
      assert.equal(res.json.limits.absolute.totalInstancesUsed, 1);
      assert.equal(res.json.limits.absolute.totalRAMUsed, 2048);
    });
  }
});

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let last = await read();
  for (const end = Date.now() + 3_000; !ok(last) && Date.now() < end; last = await read()) await new Promise((r) => setTimeout(r, 10));
  return last;
}
