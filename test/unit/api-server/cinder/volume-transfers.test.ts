// Cinder's volume transfers against the fake cluster: create (the key shown once, the volume
// awaiting-transfer, the state checks), list, show, delete (available again), and accept by
// another project: a wrong key refused, then the taker's Volume and snapshots made, the giver's
// hidden, the transfer gone. Moving the data is the operator's (volume.test.ts).
import assert from 'node:assert/strict';
import type { Snapshot, Volume, VolumeTransfer } from '../../../../crds/types.generated.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

type Res = { status: number; json: any; text: string };

describe('Cinder volume transfers', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  let base: string;
  let demoNs: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
    base = `/volume/v3/${w.ids.projects.demo}`;
    demoNs = projectNamespace(w.ids.projects.demo);
  });
  after(async () => w.close());

  const transfers = (token: string, method: string, path = '', body?: object, project = w.ids.projects.demo): Promise<Res> => call(w.url, token, method, `/volume/v3/${project}/os-volume-transfer${path}`, body);
  const volumeStatus = async (id: string): Promise<string> => (await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume?.status;

  async function setStatus<T extends Volume | Snapshot>(kind: typeof Resources.Volume | typeof Resources.Snapshot, id: string, status: string): Promise<void> {
    const cur = await w.kube.get<T>(kind, id, demoNs);
    await w.kube.replaceStatus(kind, { ...cur!, status: { status } });
  }

  /** Waits for the API's cache to show the volume's status. */
  async function shows(id: string, status: string): Promise<void> {
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) if ((await volumeStatus(id)) === status) return;
    throw new Error(`volume ${id} never showed ${status}; it shows ${await volumeStatus(id)}`);
  }

  async function availableVolume(): Promise<string> {
    const res = await call(w.url, alice, 'POST', `${base}/volumes`, { volume: { size: 1, name: 'moving' } });
    assert.equal(res.status, 202, res.text);
    await setStatus(Resources.Volume, res.json.volume.id, 'available');
    await shows(res.json.volume.id, 'available');
    return res.json.volume.id;
  }

  it('When a transfer is created, then 202 with a 16-character key shown once, the volume awaiting-transfer, only a hash stored; a second transfer and a delete of the volume are 400', async () => {
    const id = await availableVolume();
    const res = await transfers(alice, 'POST', '', { transfer: { volume_id: id, name: 'gift' } });
    assert.equal(res.status, 202, res.text);
    const t = res.json.transfer;
    assert.match(t.auth_key, /^[0-9a-f]{16}$/);
    assert.deepEqual([t.volume_id, t.name], [id, 'gift']);
    const cr = await w.kube.get<VolumeTransfer>(Resources.VolumeTransfer, t.id, demoNs);
    assert.ok(cr && !JSON.stringify(cr).includes(t.auth_key), 'the key itself is not stored');
    assert.equal(await volumeStatus(id), 'awaiting-transfer');
    const again = await transfers(alice, 'POST', '', { transfer: { volume_id: id } });
    assert.equal(again.status, 400, again.text);
    const del = await call(w.url, alice, 'DELETE', `${base}/volumes/${id}`);
    assert.equal(del.status, 400, del.text);
    const shown = await transfers(alice, 'GET', `/${t.id}`);
    assert.equal(shown.status, 200, shown.text);
    assert.equal(shown.json.transfer.auth_key, undefined);
  });

  it('When transfers are listed, then the giver sees its own (with created_at in detail); another project sees none, an admin all with all_tenants', async () => {
    const list = await transfers(alice, 'GET');
    assert.ok(list.json.transfers.length >= 1);
    assert.equal(list.json.transfers[0].created_at, undefined);
    const detail = await transfers(alice, 'GET', '/detail');
    assert.ok(detail.json.transfers[0].created_at);
    const otherProject = await transfers(admin, 'GET', '', undefined, w.ids.projects.admin);
    assert.equal(otherProject.json.transfers.length, 0);
    const all = await transfers(admin, 'GET', '?all_tenants=1', undefined, w.ids.projects.admin);
    assert.equal(all.json.transfers.length, list.json.transfers.length);
  });

  it('When a transfer is deleted, then 202 and the volume is available again; the transfer is gone', async () => {
    const id = await availableVolume();
    const t = (await transfers(alice, 'POST', '', { transfer: { volume_id: id } })).json.transfer;
    const del = await transfers(alice, 'DELETE', `/${t.id}`);
    assert.equal(del.status, 202, del.text);
    await shows(id, 'available');
    assert.equal((await transfers(alice, 'GET', `/${t.id}`)).status, 404);
  });

  const badCreates: { name: string; volumeId: () => Promise<string>; status: number }[] = [
    { name: 'a volume id that is not a UUID', volumeId: async () => 'nope', status: 400 },
    { name: 'an unknown volume', volumeId: async () => '00000000-0000-4000-8000-000000000000', status: 404 },
    { name: 'a volume still creating', volumeId: async () => (await call(w.url, alice, 'POST', `${base}/volumes`, { volume: { size: 1 } })).json.volume.id, status: 400 },
  ];
  for (const c of badCreates) {
    it(`When a transfer is asked for ${c.name}, then ${c.status} and no transfer is made`, async () => {
      const before = (await w.kube.list<VolumeTransfer>(Resources.VolumeTransfer)).items.length;
      const res = await transfers(alice, 'POST', '', { transfer: { volume_id: await c.volumeId() } });
      assert.equal(res.status, c.status, res.text);
      assert.equal((await w.kube.list<VolumeTransfer>(Resources.VolumeTransfer)).items.length, before);
    });
  }

  it('When another project accepts with a wrong key, then 400; with the right key, then 202, it owns the volume and its snapshot, the giver sees neither, and the transfer is gone', async () => {
    const id = await availableVolume();
    const snap = (await call(w.url, alice, 'POST', `${base}/snapshots`, { snapshot: { volume_id: id } })).json.snapshot.id;
    await setStatus(Resources.Snapshot, snap, 'available');
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) if ((await call(w.url, alice, 'GET', `${base}/snapshots/${snap}`)).json.snapshot.status === 'available') break;
    const t = (await transfers(alice, 'POST', '', { transfer: { volume_id: id } })).json.transfer;
    const takerPath = (p: string): string => `/volume/v3/${w.ids.projects.admin}${p}`;
    const wrong = await transfers(admin, 'POST', `/${t.id}/accept`, { accept: { auth_key: '0'.repeat(16) } }, w.ids.projects.admin);
    assert.equal(wrong.status, 400, wrong.text);
    assert.match(wrong.json.badRequest.message, /invalid auth key/);
    const ok = await transfers(admin, 'POST', `/${t.id}/accept`, { accept: { auth_key: t.auth_key } }, w.ids.projects.admin);
    assert.equal(ok.status, 202, ok.text);
    assert.deepEqual(Object.keys(ok.json.transfer).sort(), ['id', 'links', 'name', 'volume_id']);
    const taken = await w.kube.get<Volume>(Resources.Volume, id, projectNamespace(w.ids.projects.admin));
    assert.deepEqual([taken?.spec.projectId, taken?.spec.userId, taken?.spec.transferredFrom?.namespace, taken?.spec.transientStatus], [w.ids.projects.admin, w.ids.users.admin, demoNs, undefined]);
    assert.equal((await w.kube.get<Volume>(Resources.Volume, id, demoNs))?.spec.transferredTo, w.ids.projects.admin, 'kept for the operator to move the data, hidden');
    assert.equal((await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).status, 404);
    assert.equal((await call(w.url, alice, 'GET', `${base}/snapshots/${snap}`)).status, 404);
    const mine = await call(w.url, admin, 'GET', takerPath(`/volumes/${id}`));
    assert.equal(mine.json.volume['os-vol-tenant-attr:tenant_id'], w.ids.projects.admin);
    assert.equal((await w.kube.get<Snapshot>(Resources.Snapshot, snap, projectNamespace(w.ids.projects.admin)))?.spec.projectId, w.ids.projects.admin);
    assert.equal((await transfers(alice, 'GET', `/${t.id}`)).status, 404);
    const twice = await transfers(admin, 'POST', `/${t.id}/accept`, { accept: { auth_key: t.auth_key } }, w.ids.projects.admin);
    assert.equal(twice.status, 404, twice.text);
  });
});
