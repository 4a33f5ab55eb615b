// Flavor management through the whole app, as an admin drives it: create (Nova's validation and
// 409s), a private flavor's access list (who then sees it), extra spec writes, the 2.55
// description update, and delete (a flavor servers still use is hidden, not removed).
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import type { Flavor } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const base = { ram: 256, vcpus: 1, disk: 1 };

const creates: { name: string; flavor: object; code: number; error?: RegExp }[] = [
  { name: 'an id and string numbers', flavor: { ...base, name: 'fm.strings', id: 'fm-1', ram: '512', vcpus: '2' }, code: 200 },
  { name: 'the same id again', flavor: { ...base, name: 'fm.other', id: 'fm-1' }, code: 409, error: /Flavor with ID fm-1 already exists/ },
  { name: 'the same name again', flavor: { ...base, name: 'fm.strings' }, code: 409, error: /Flavor with name fm.strings already exists/ },
  { name: 'no ram', flavor: { name: 'fm.x', vcpus: 1, disk: 1 }, code: 400 },
  { name: 'zero vcpus', flavor: { ...base, name: 'fm.x', vcpus: 0 }, code: 400 },
  { name: 'a negative disk', flavor: { ...base, name: 'fm.x', disk: -1 }, code: 400 },
  { name: 'a name ending in a space', flavor: { ...base, name: 'fm.x ' }, code: 400 },
  { name: 'an id with a slash', flavor: { ...base, name: 'fm.x', id: 'a/b' }, code: 400 },
  { name: 'a zero rxtx factor', flavor: { ...base, name: 'fm.x', rxtx_factor: 0 }, code: 400 },
  { name: 'a description at 2.1', flavor: { ...base, name: 'fm.x', description: 'd' }, code: 400, error: /'description' was unexpected/ },
];

describe('Nova flavor management (admin): create, access, extra specs, description, delete', () => {
  let w: AppWorld;
  let admin = '';
  let alice = '';
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
  });
  after(() => w.close());

  const asAdmin = (method: string, path: string, body?: object, headers: Record<string, string> = {}) => call(w.url, admin, method, `/compute/v2.1${path}`, body, headers);
  const stored = (id: string): Flavor | undefined => w.kube.peek<Flavor>(Resources.Flavor, id);
  /** Waits until the API's cache agrees with what the test wrote. */
  async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) if (await ok()) return;
    throw new Error(`never: ${what}`);
  }

  for (const c of creates) {
    it(`When an admin creates a flavor with ${c.name}, then ${c.code}`, async () => {
      if (c.code === 409) await until('fm-1 in the cache', async () => (await asAdmin('GET', '/flavors/fm-1')).status === 200);
      const res = await asAdmin('POST', '/flavors', { flavor: c.flavor });
      assert.equal(res.status, c.code, res.text);
      if (c.error) assert.match(res.text, c.error);
      if (c.code === 200) assert.deepEqual({ ram: res.json.flavor.ram, vcpus: res.json.flavor.vcpus, public: res.json.flavor['os-flavor-access:is_public'] }, { ram: 512, vcpus: 2, public: true });
    });
  }

  it('When the id is a number and is_public one of Nova\'s spellings, then the id is its string and the flavor private', async () => {
    const res = await asAdmin('POST', '/flavors', { flavor: { ...base, name: 'fm.numeric', id: 7777, 'os-flavor-access:is_public': 'False' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual({ id: res.json.flavor.id, public: res.json.flavor['os-flavor-access:is_public'] }, { id: '7777', public: false });
    assert.equal((await asAdmin('POST', '/flavors', { flavor: { ...base, name: 'fm.badbool', 'os-flavor-access:is_public': 'maybe' } })).status, 400);
  });

  it('When a server is booted with a flavor below the image\'s minimum RAM or disk, then Nova\'s 400s', async () => {
    w.kube.seed(Resources.Image, { apiVersion: 'openstack.sim/v1alpha1', kind: 'Image', metadata: { name: 'fm-big-image' }, spec: { name: 'big', visibility: 'public', owner: w.ids.projects.admin, minRamMiB: 4096, minDiskGiB: 40 }, status: { status: 'active' } } as never);
    await until('the image in the cache', async () => (await call(w.url, alice, 'GET', '/image/v2/images/fm-big-image')).status === 200);
    const low = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'low', flavorRef: '1', imageRef: 'fm-big-image' } });
    assert.equal(low.status, 400, low.text);
    assert.match(low.text, /Flavor's memory is too small for requested image/);
    const bigRam = await asAdmin('POST', '/flavors', { flavor: { name: 'fm.ram', id: 'fm-ram', ram: 8192, vcpus: 1, disk: 1 } });
    assert.equal(bigRam.status, 200);
    await until('fm-ram in the cache', async () => (await asAdmin('GET', '/flavors/fm-ram')).status === 200);
    const small = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'low', flavorRef: 'fm-ram', imageRef: 'fm-big-image' } });
    assert.equal(small.status, 400, small.text);
    assert.match(small.text, /Flavor's disk is smaller than the minimum size specified in image metadata/);
  });

  it('When a member creates a flavor, then 403 and nothing is made', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/flavors', { flavor: { ...base, name: 'fm.member', id: 'fm-member' } });
    assert.equal(res.status, 403);
    assert.equal(stored('fm-member'), undefined);
  });

  it('When a private flavor is created, then only an admin sees it until demo is given access; the access list is Nova\'s; revoked, it is hidden again', async () => {
    const made = await asAdmin('POST', '/flavors', { flavor: { ...base, name: 'fm.private', id: 'auto', 'os-flavor-access:is_public': false } });
    assert.equal(made.status, 200, made.text);
    const id = made.json.flavor.id as string;
    assert.match(id, /^[0-9a-f-]{36}$/, 'auto is a UUID');
    await until('the flavor in the cache', async () => (await asAdmin('GET', `/flavors/${id}`)).status === 200);
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/flavors/${id}`)).status, 404);
    const granted = await asAdmin('POST', `/flavors/${id}/action`, { addTenantAccess: { tenant: w.ids.projects.demo } });
    assert.deepEqual(granted.json, { flavor_access: [{ flavor_id: id, tenant_id: w.ids.projects.demo }] });
    await until('demo sees it', async () => (await call(w.url, alice, 'GET', `/compute/v2.1/flavors/${id}`)).status === 200);
    assert.equal((await asAdmin('POST', `/flavors/${id}/action`, { addTenantAccess: { tenant: w.ids.projects.demo } })).status, 409);
    assert.equal((await asAdmin('POST', `/flavors/${id}/action`, { addTenantAccess: { tenant: 'no-such-project' } })).status, 400);
    assert.equal((await asAdmin('GET', `/flavors/${id}/os-flavor-access`)).json.flavor_access.length, 1);
    assert.equal((await asAdmin('POST', `/flavors/${id}/action`, { removeTenantAccess: { tenant: w.ids.projects.demo } })).status, 200);
    assert.equal((await asAdmin('POST', `/flavors/${id}/action`, { removeTenantAccess: { tenant: w.ids.projects.demo } })).status, 404);
    await until('demo no longer sees it', async () => (await call(w.url, alice, 'GET', `/compute/v2.1/flavors/${id}`)).status === 404);
  });

  it('When a public flavor\'s access is asked or granted, then 404 and 409 as Nova', async () => {
    assert.equal((await asAdmin('GET', '/flavors/1/os-flavor-access')).status, 404);
    const res = await asAdmin('POST', '/flavors/1/action', { addTenantAccess: { tenant: w.ids.projects.demo } });
    assert.equal(res.status, 409);
    assert.match(res.text, /Can not add access to a public flavor/);
  });

  it('When an admin writes extra specs, then they are merged, one key is set or deleted, and Nova\'s 400s and 404s hold', async () => {
    const made = await asAdmin('POST', '/flavors', { flavor: { ...base, name: 'fm.specs', id: 'fm-specs' } });
    assert.equal(made.status, 200, made.text);
    await until('fm-specs in the cache', async () => (await asAdmin('GET', '/flavors/fm-specs')).status === 200);
    assert.deepEqual((await asAdmin('POST', '/flavors/fm-specs/os-extra_specs', { extra_specs: { 'hw:cpu_policy': 'dedicated', 'quota:cpu_quota': 5000 } })).json, { extra_specs: { 'hw:cpu_policy': 'dedicated', 'quota:cpu_quota': '5000' } });
    assert.deepEqual((await asAdmin('PUT', '/flavors/fm-specs/os-extra_specs/hw:cpu_policy', { 'hw:cpu_policy': 'shared' })).json, { 'hw:cpu_policy': 'shared' });
    assert.equal((await asAdmin('PUT', '/flavors/fm-specs/os-extra_specs/hw:cpu_policy', { other: 'x' })).status, 400);
    assert.equal((await asAdmin('PUT', '/flavors/fm-specs/os-extra_specs/a', { a: '1', b: '2' })).status, 400);
    assert.equal((await asAdmin('POST', '/flavors/fm-specs/os-extra_specs', { extra_specs: { 'bad/key': 'x' } })).status, 400);
    assert.equal((await asAdmin('DELETE', '/flavors/fm-specs/os-extra_specs/quota:cpu_quota')).status, 200);
    assert.equal((await asAdmin('DELETE', '/flavors/fm-specs/os-extra_specs/quota:cpu_quota')).status, 404);
    assert.deepEqual(stored('fm-specs')?.spec.extraSpecs, { 'hw:cpu_policy': 'shared' });
    assert.equal((await call(w.url, alice, 'PUT', '/compute/v2.1/flavors/fm-specs/os-extra_specs/x', { x: '1' })).status, 403);
  });

  it('When the description is updated at 2.55, then the flavor shows it; at 2.1 the route is not there', async () => {
    const v255 = { 'OpenStack-API-Version': 'compute 2.55' };
    const res = await asAdmin('PUT', '/flavors/fm-1', { flavor: { description: 'small and cheap' } }, v255);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.flavor.description, 'small and cheap');
    assert.equal((await asAdmin('PUT', '/flavors/fm-1', { flavor: { description: 'x' } })).status, 404);
  });

  it('When a flavor no server uses is deleted, then it is gone; one a server uses is hidden from the API but kept for the operator', async () => {
    await until('fm-1 in the cache', async () => (await asAdmin('GET', '/flavors/fm-1')).status === 200);
    const server = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'fm-user', flavorRef: 'fm-1', imageRef: IMAGE_ID } });
    assert.equal(server.status, 202, server.text);
    await until('the server in the cache', async () => (await call(w.url, alice, 'GET', `/compute/v2.1/servers/${server.json.server.id}`)).status === 200);
    assert.equal((await asAdmin('DELETE', '/flavors/fm-1')).status, 202);
    assert.equal(stored('fm-1')?.spec.deleted, true, 'kept, marked deleted');
    await until('fm-1 hidden', async () => (await asAdmin('GET', '/flavors/fm-1')).status === 404);
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'late', flavorRef: 'fm-1', imageRef: IMAGE_ID } })).status, 400);
    assert.equal((await asAdmin('DELETE', '/flavors/fm-specs')).status, 202);
    assert.equal(stored('fm-specs'), undefined, 'unused: deleted');
    assert.equal((await asAdmin('DELETE', '/flavors/fm-specs')).status, 404);
  });
});
