// Cinder's microversions up to 3.60 against the fake cluster: each behaviour change of what is
// served, asked for just below and at its version (fields, filters, strictness, in-use extend,
// Etags), the attachments API (3.27, os-complete 3.44, mode 3.54) and the 3.55/3.57 transfers;
// and the availability zones, which come from the nodes.
import assert from 'node:assert/strict';
import type { Volume } from '../../../../crds/types.generated.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

type Res = { status: number; json: any; text: string; headers: Headers };

describe('Cinder microversions (3.0 to 3.60)', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  let base: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
    base = `/volume/v3/${w.ids.projects.demo}`;
  });
  after(async () => w.close());

  const at = (mv: string): Record<string, string> => ({ 'OpenStack-API-Version': `volume ${mv}` });
  const req = (mv: string, method: string, path: string, body?: object, token = alice, headers: Record<string, string> = {}): Promise<Res> => call(w.url, token, method, `${base}${path}`, body, { ...at(mv), ...headers });

  async function setStatus(id: string, status: NonNullable<Volume['status']>['status']): Promise<void> {
    const v = await w.kube.get<Volume>(Resources.Volume, id, projectNamespace(w.ids.projects.demo));
    await w.kube.replaceStatus(Resources.Volume, { ...v!, status: { ...v!.status, status, size: v!.spec.size } });
    for (let i = 0; i < 500 && (await req('3.0', 'GET', `/volumes/${id}`)).json.volume.status !== status; i++) await new Promise((r) => setTimeout(r, 10));
  }

  async function availableVolume(name = 'mv'): Promise<string> {
    const made = await req('3.0', 'POST', '/volumes', { volume: { size: 1, name } });
    assert.equal(made.status, 202, made.text);
    await setStatus(made.json.volume.id, 'available');
    return made.json.volume.id;
  }

  it('When versions are negotiated, then the document says 3.0 to 3.60, latest is 3.60 (echoed), and 3.61 is 406', async () => {
    const doc = await call(w.url, undefined, 'GET', '/volume/v3');
    assert.deepEqual([doc.json.versions[0].min_version, doc.json.versions[0].version], ['3.0', '3.60']);
    const latest = await req('latest', 'GET', '/volumes');
    assert.equal(latest.headers.get('OpenStack-API-Version'), 'volume 3.60');
    assert.equal((await req('3.61', 'GET', '/volumes')).status, 406);
  });

  it('When a volume is shown, then group_id appears at 3.13, provider_id at 3.21 for admins only, shared_targets and service_uuid at 3.48', async () => {
    const id = await availableVolume();
    const keys = async (mv: string, token = alice): Promise<string[]> => Object.keys((await req(mv, 'GET', `/volumes/${id}`, undefined, token)).json.volume);
    assert.ok(!(await keys('3.12')).includes('group_id'));
    assert.ok((await keys('3.13')).includes('group_id'));
    assert.ok(!(await keys('3.21')).includes('provider_id'));
    assert.ok((await keys('3.21', admin)).includes('provider_id'));
    assert.ok(!(await keys('3.47')).includes('shared_targets'));
    const shown = (await req('3.48', 'GET', `/volumes/${id}`)).json.volume;
    assert.deepEqual([shown.shared_targets, typeof shown.service_uuid], [false, 'string']);
  });

  it('When volumes are filtered, then bootable is strict from 3.2, unknown filters are a 400 from 3.31, name~ matches substrings from 3.34, with_count counts from 3.45, and times compare from 3.60', async () => {
    await availableVolume('needle-in-hay');
    assert.equal((await req('3.1', 'GET', '/volumes?bootable=maybe')).status, 200);
    assert.equal((await req('3.2', 'GET', '/volumes?bootable=maybe')).status, 400);
    assert.equal((await req('3.30', 'GET', '/volumes?colour=red')).status, 200);
    const invalid = await req('3.31', 'GET', '/volumes?colour=red');
    assert.equal(invalid.status, 400);
    assert.match(invalid.json.badRequest.message, /Invalid filters colour/);
    const names = async (mv: string, q: string): Promise<string[]> => (await req(mv, 'GET', `/volumes?${q}`)).json.volumes.map((v: { name: string }) => v.name);
    assert.deepEqual(await names('3.34', 'name~=in-h'), ['needle-in-hay']);
    const counted = await req('3.45', 'GET', '/volumes?with_count=true&limit=1');
    assert.equal(counted.json.volumes.length, 1);
    assert.ok(counted.json.count >= 2, counted.text);
    assert.equal((await req('3.44', 'GET', '/volumes?with_count=true')).json.count, undefined);
    assert.ok((await names('3.60', 'created_at=gt:2000-01-01T00:00:00')).includes('needle-in-hay'));
    assert.deepEqual(await names('3.60', 'created_at=lt:2000-01-01T00:00:00'), []);
    assert.equal((await req('3.60', 'GET', '/volumes?created_at=soon:2000-01-01')).status, 400);
  });

  it('When a volume is created or updated, then unknown keys and an empty update are 400 from 3.53, and a group or backup to create from is 404 from 3.13 and 3.47', async () => {
    assert.equal((await req('3.52', 'POST', '/volumes', { volume: { size: 1, colour: 'red' } })).status, 202);
    assert.equal((await req('3.53', 'POST', '/volumes', { volume: { size: 1, colour: 'red' } })).status, 400);
    assert.equal((await req('3.13', 'POST', '/volumes', { volume: { size: 1, group_id: '00000000-0000-4000-8000-000000000001' } })).status, 404);
    assert.equal((await req('3.47', 'POST', '/volumes', { volume: { size: 1, backup_id: '00000000-0000-4000-8000-000000000001' } })).status, 404);
    assert.equal((await req('3.47', 'POST', '/volumes', { volume: { size: 1, backup_id: null } })).status, 202, 'the null OSC sends');
    const id = await availableVolume();
    assert.equal((await req('3.52', 'PUT', `/volumes/${id}`, { volume: {} })).status, 200);
    assert.equal((await req('3.53', 'PUT', `/volumes/${id}`, { volume: {} })).status, 400);
  });

  it('When an in-use volume is extended, then 400 before 3.42 and 202 from it; a snapshot shows user_id from 3.41', async () => {
    const id = await availableVolume();
    const att = (await req('3.44', 'POST', '/attachments', { attachment: { volume_uuid: id, instance_uuid: '22222222-2222-4333-8444-555555555555', connector: { host: 'node-1' } } })).json.attachment;
    await req('3.44', 'POST', `/attachments/${att.id}/action`, { 'os-complete': null });
    assert.equal((await req('3.44', 'GET', `/volumes/${id}`)).json.volume.status, 'in-use');
    assert.equal((await req('3.41', 'POST', `/volumes/${id}/action`, { 'os-extend': { new_size: 2 } })).status, 400);
    assert.equal((await req('3.42', 'POST', `/volumes/${id}/action`, { 'os-extend': { new_size: 2 } })).status, 202);
    const snap = await req('3.41', 'POST', '/snapshots', { snapshot: { volume_id: id, force: true } });
    assert.equal(snap.status, 202, snap.text);
    assert.equal(snap.json.snapshot.user_id, w.ids.users.alice);
    assert.equal((await req('3.40', 'GET', `/snapshots/${snap.json.snapshot.id}`)).json.snapshot.user_id, undefined);
  });

  it('When volume metadata is read from 3.15, then it has an Etag, and a PUT whose If-Match is stale is 412 and changes nothing', async () => {
    const id = await availableVolume();
    await req('3.15', 'PUT', `/volumes/${id}/metadata`, { metadata: { a: '1' } });
    const read = await req('3.15', 'GET', `/volumes/${id}/metadata`);
    const etag = read.headers.get('Etag') ?? '';
    assert.match(etag, /^[0-9a-f]{32}$/);
    assert.equal((await req('3.14', 'GET', `/volumes/${id}/metadata`)).headers.get('Etag'), null);
    const stale = await req('3.15', 'PUT', `/volumes/${id}/metadata`, { metadata: { a: '2' } }, alice, { 'If-Match': '0'.repeat(32) });
    assert.equal(stale.status, 412, stale.text);
    const fresh = await req('3.15', 'PUT', `/volumes/${id}/metadata`, { metadata: { a: '3' } }, alice, { 'If-Match': etag });
    assert.equal(fresh.status, 200, fresh.text);
    assert.deepEqual((await req('3.15', 'GET', `/volumes/${id}/metadata`)).json.metadata, { a: '3' });
  });

  it('When the attachments API is used, then it is 404 before 3.27; create reserves, a connector makes it attaching, os-complete (3.44) in-use, delete available', async () => {
    const id = await availableVolume();
    const server = '11111111-2222-4333-8444-555555555555';
    assert.equal((await req('3.26', 'POST', '/attachments', { attachment: { volume_uuid: id, instance_uuid: server } })).status, 404);
    assert.equal((await req('3.53', 'POST', '/attachments', { attachment: { volume_uuid: id, instance_uuid: server, mode: 'ro' } })).status, 400, 'mode is 3.54');
    const made = await req('3.27', 'POST', '/attachments', { attachment: { volume_uuid: id, instance_uuid: server } });
    assert.equal(made.status, 200, made.text);
    const att = made.json.attachment;
    assert.deepEqual([att.status, att.instance, att.connection_info], ['reserved', server, null]);
    const volumeStatus = async (): Promise<string> => (await req('3.27', 'GET', `/volumes/${id}`)).json.volume.status;
    assert.equal(await volumeStatus(), 'reserved');
    assert.equal((await req('3.27', 'POST', '/attachments', { attachment: { volume_uuid: id, instance_uuid: server } })).status, 400, 'not twice');
    const updated = await req('3.27', 'PUT', `/attachments/${att.id}`, { attachment: { connector: { host: 'node-1', mode: 'rw' } } });
    assert.deepEqual([updated.status, updated.json.attachment.status, updated.json.attachment.connection_info.driver_volume_type], [200, 'attaching', 'kubernetes_pvc']);
    assert.equal(await volumeStatus(), 'attaching');
    assert.equal((await req('3.43', 'POST', `/attachments/${att.id}/action`, { 'os-complete': null })).status, 404);
    const done = await req('3.44', 'POST', `/attachments/${att.id}/action`, { 'os-complete': null });
    assert.equal(done.status, 204, done.text);
    const shown = (await req('3.44', 'GET', `/volumes/${id}`)).json.volume;
    assert.deepEqual([shown.status, shown.attachments.map((a: { attachment_id: string }) => a.attachment_id)], ['in-use', [att.id]]);
    const listed = await req('3.44', 'GET', `/attachments?volume_id=${id}`);
    assert.deepEqual(listed.json.attachments.map((a: { id: string; status: string }) => [a.id, a.status]), [[att.id, 'attached']]);
    const removed = await req('3.44', 'DELETE', `/attachments/${att.id}`);
    assert.deepEqual([removed.status, removed.json.attachments], [200, []]);
    assert.equal((await req('3.44', 'GET', `/attachments/${att.id}`)).status, 404);
  });

  it('When transfers are used at 3.55 and 3.57, then /volume-transfers takes no_snapshots and shows it, and 3.57 adds the projects and accepted; before 3.55 the path is a 404', async () => {
    const id = await availableVolume();
    assert.equal((await req('3.54', 'GET', '/volume-transfers')).status, 404);
    const made = await req('3.55', 'POST', '/volume-transfers', { transfer: { volume_id: id, no_snapshots: true } });
    assert.equal(made.status, 202, made.text);
    assert.equal(made.json.transfer.no_snapshots, true);
    assert.equal(made.json.transfer.source_project_id, undefined);
    const shown = (await req('3.57', 'GET', `/volume-transfers/${made.json.transfer.id}`)).json.transfer;
    assert.deepEqual([shown.source_project_id, shown.destination_project_id, shown.accepted], [w.ids.projects.demo, null, false]);
    assert.equal((await req('3.0', 'GET', `/os-volume-transfer/${made.json.transfer.id}`)).json.transfer.no_snapshots, undefined);
  });
});

describe('Cinder availability zones', () => {
  let w: AppWorld;
  let alice: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
  });
  after(async () => w.close());

  it('When nodes carry zone labels, then the zones are nova and theirs; a volume may be made in one of them, not in another', async () => {
    const base = `/volume/v3/${w.ids.projects.demo}`;
    w.kube.seed(Resources.Node, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-9', labels: { 'topology.kubernetes.io/zone': 'zone-q' } } });
    let zones: string[] = [];
    for (let i = 0; i < 500 && !zones.includes('zone-q'); i++, await new Promise((r) => setTimeout(r, 10))) {
      zones = (await call(w.url, alice, 'GET', `${base}/os-availability-zone`)).json.availabilityZoneInfo.map((z: { zoneName: string }) => z.zoneName);
    }
    assert.deepEqual(zones, ['nova', 'zone-q']);
    const made = await call(w.url, alice, 'POST', `${base}/volumes`, { volume: { size: 1, availability_zone: 'zone-q' } });
    assert.equal(made.status, 202, made.text);
    assert.equal(made.json.volume.availability_zone, 'zone-q');
    assert.equal((await call(w.url, alice, 'POST', `${base}/volumes`, { volume: { size: 1, availability_zone: 'zone-r' } })).status, 400);
  });
});
