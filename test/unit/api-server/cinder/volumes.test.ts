// Cinder's volume API against the fake cluster: what a create records, the 4xx for bad input
// (Cinder's codes and messages, never a 5xx, nothing half-made), another project's volume as a
// 404, the list filters and pages, metadata, actions and their state checks, snapshots, and
// Nova's attach recorded on the volume. The operator's part (claims, status) is simulated by
// writing the status it would write.
import assert from 'node:assert/strict';
import type { Quota, Volume } from '../../../../crds/types.generated.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

describe('Cinder volumes', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  let base: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
    base = `/volume/v3/${w.ids.projects.demo}`;
    // These tests make more volumes and snapshots than Cinder's default quotas allow: lift them for demo.
    const unlimited: Quota = { ...typeMeta(Resources.Quota), metadata: { name: 'volume', namespace: projectNamespace(w.ids.projects.demo) }, spec: { service: 'volume', limits: { volumes: -1, snapshots: -1, gigabytes: -1 }, claims: {} } };
    w.kube.seed(Resources.Quota, unlimited);
  });
  after(async () => w.close());

  const create = async (body: Record<string, unknown>, token = alice): Promise<{ status: number; json: any; text: string }> => call(w.url, token, 'POST', `${base}/volumes`, { volume: body });
  /** What the operator writes once the claim is bound. */
  const markStatus = async (id: string, status: NonNullable<Volume['status']>['status'], ns = projectNamespace(w.ids.projects.demo)): Promise<void> => {
    const v = await w.kube.get<Volume>(Resources.Volume, id, ns);
    await w.kube.replaceStatus(Resources.Volume, { ...v!, status: { status, size: v!.spec.size } });
  };
  const available = async (body: Record<string, unknown> = { size: 1 }): Promise<string> => {
    const res = await create(body);
    assert.equal(res.status, 202, res.text);
    await markStatus(res.json.volume.id, 'available');
    return res.json.volume.id as string;
  };

  it('When a volume is created, then 202 with Cinder\'s body: creating, the default type, string bootable, and a CR in the project namespace', async () => {
    const res = await create({ size: 2, name: 'data', metadata: { k: 'v' } });
    assert.equal(res.status, 202, res.text);
    const v = res.json.volume;
    assert.deepEqual([v.status, v.size, v.volume_type, v.bootable, v.encrypted, v.multiattach, v.availability_zone], ['creating', 2, '__DEFAULT__', 'false', false, false, 'nova']);
    assert.deepEqual(v.metadata, { k: 'v' });
    const cr = await w.kube.get<Volume>(Resources.Volume, v.id, projectNamespace(w.ids.projects.demo));
    assert.equal(cr?.spec.size, 2);
  });

  const badCreates: { name: string; body: Record<string, unknown>; status: number }[] = [
    { name: 'size 0', body: { size: 0 }, status: 400 },
    { name: 'a negative size', body: { size: -1 }, status: 400 },
    { name: 'a size that is not a number', body: { size: '#$%' }, status: 400 },
    { name: 'no size and no source', body: { name: 'x' }, status: 400 },
    { name: 'an unknown volume type', body: { size: 1, volume_type: 'nope' }, status: 404 },
    { name: 'an unknown snapshot', body: { snapshot_id: '00000000-0000-4000-8000-000000000000' }, status: 404 },
    { name: 'an unknown source volume', body: { source_volid: '00000000-0000-4000-8000-000000000000' }, status: 404 },
    { name: 'an unknown image', body: { size: 1, imageRef: '00000000-0000-4000-8000-000000000000' }, status: 400 },
    { name: 'an unknown availability zone', body: { size: 1, availability_zone: 'mars' }, status: 400 },
  ];
  for (const c of badCreates) {
    it(`When a volume is created with ${c.name}, then ${c.status} and no volume is made`, async () => {
      const before = (await w.kube.list(Resources.Volume)).items.length;
      const res = await create(c.body);
      assert.equal(res.status, c.status, res.text);
      assert.ok(res.json.badRequest || res.json.itemNotFound, `Cinder's fault body: ${res.text}`);
      assert.equal((await w.kube.list(Resources.Volume)).items.length, before);
    });
  }

  it('When another project\'s volume is read, updated or deleted, then 404; under another project\'s path, 404 too', async () => {
    const res = await call(w.url, admin, 'POST', `/volume/v3/${w.ids.projects.admin}/volumes`, { volume: { size: 1 } });
    assert.equal(res.status, 202, res.text);
    const id = res.json.volume.id;
    assert.equal((await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).status, 404);
    assert.equal((await call(w.url, alice, 'PUT', `${base}/volumes/${id}`, { volume: { name: 'x' } })).status, 404);
    assert.equal((await call(w.url, alice, 'DELETE', `${base}/volumes/${id}`)).status, 404);
    assert.equal((await call(w.url, alice, 'GET', `/volume/v3/${w.ids.projects.admin}/volumes`)).status, 404);
  });

  it('When volumes are listed by name, status and metadata (a Python dict literal), then only matches come back; an unknown status matches none', async () => {
    const id = await available({ size: 1, name: 'findme', metadata: { tier: 'gold' } });
    const list = async (q: string): Promise<string[]> => (await call(w.url, alice, 'GET', `${base}/volumes/detail?${q}`)).json.volumes.map((v: { id: string }) => v.id);
    assert.deepEqual(await list('name=findme'), [id]);
    assert.ok((await list('status=available')).includes(id));
    assert.deepEqual(await list(`metadata=${encodeURIComponent("{'tier': 'gold'}")}`), [id]);
    assert.deepEqual(await list('status=nonsense'), []);
  });

  it('When volumes are paged with limit, then volumes_links carries the next marker and the pages do not overlap', async () => {
    await available();
    await available();
    const first = await call(w.url, alice, 'GET', `${base}/volumes?limit=1`);
    assert.equal(first.json.volumes.length, 1);
    const next = new URL(first.json.volumes_links[0].href);
    const second = await call(w.url, alice, 'GET', `${base}/volumes?${next.searchParams.toString()}`);
    assert.notEqual(second.json.volumes[0].id, first.json.volumes[0].id);
  });

  it('When metadata is merged, replaced, set and deleted by key, then show reads each result', async () => {
    const id = await available();
    const md = `${base}/volumes/${id}/metadata`;
    assert.deepEqual((await call(w.url, alice, 'POST', md, { metadata: { a: '1', b: '2' } })).json.metadata, { a: '1', b: '2' });
    assert.deepEqual((await call(w.url, alice, 'PUT', md, { metadata: { c: '3' } })).json.metadata, { c: '3' });
    assert.deepEqual((await call(w.url, alice, 'PUT', `${md}/c`, { meta: { c: '4' } })).json.meta, { c: '4' });
    assert.equal((await call(w.url, alice, 'PUT', `${md}/c`, { meta: { d: '4' } })).status, 400, 'body and URI mismatch');
    assert.equal((await call(w.url, alice, 'DELETE', `${md}/c`)).status, 200);
    assert.equal((await call(w.url, alice, 'GET', `${md}/c`)).status, 404);
  });

  const action = (id: string, body: unknown, token = alice) => call(w.url, token, 'POST', `${base}/volumes/${id}/action`, body);

  it('When a volume is extended, then its size grows; shrinking, or extending a creating volume, is 400', async () => {
    const id = await available();
    assert.equal((await action(id, { 'os-extend': { new_size: 3 } })).status, 202);
    assert.equal((await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume.size, 3);
    assert.equal((await action(id, { 'os-extend': { new_size: 2 } })).status, 400);
    const creating = (await create({ size: 1 })).json.volume.id;
    assert.equal((await action(creating, { 'os-extend': { new_size: 2 } })).status, 400);
  });

  it('When bootable and readonly are set, then show reads them as Cinder spells them', async () => {
    const id = await available();
    assert.equal((await action(id, { 'os-set_bootable': { bootable: true } })).status, 200);
    assert.equal((await action(id, { 'os-update_readonly_flag': { readonly: true } })).status, 202);
    const v = (await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume;
    assert.deepEqual([v.bootable, v.metadata.readonly], ['true', 'True']);
  });

  it('When a member resets a status or force-deletes, then 403; an admin may, and the status reads as reset', async () => {
    const id = await available();
    assert.equal((await action(id, { 'os-reset_status': { status: 'error' } })).status, 403);
    assert.equal((await action(id, { 'os-force_delete': {} })).status, 403);
    assert.equal((await action(id, { 'os-reset_status': { status: 'error' } }, admin)).status, 202);
    assert.equal((await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume.status, 'error');
    assert.equal((await action(id, { 'os-unknown': {} })).status, 400);
  });

  it('When a snapshot is taken of an available volume, then 202; of a creating one, 400; and the volume cannot be deleted while it has one', async () => {
    const id = await available();
    const snap = await call(w.url, alice, 'POST', `${base}/snapshots`, { snapshot: { volume_id: id, name: 's' } });
    assert.equal(snap.status, 202, snap.text);
    assert.deepEqual([snap.json.snapshot.volume_id, snap.json.snapshot.size, snap.json.snapshot.status], [id, 1, 'creating']);
    const creating = (await create({ size: 1 })).json.volume.id;
    assert.equal((await call(w.url, alice, 'POST', `${base}/snapshots`, { snapshot: { volume_id: creating } })).status, 400);
    assert.equal((await call(w.url, alice, 'POST', `${base}/snapshots`, { snapshot: {} })).status, 400, 'volume_id is required');
    assert.equal((await call(w.url, alice, 'DELETE', `${base}/volumes/${id}`)).status, 400);
    assert.equal((await call(w.url, alice, 'DELETE', `${base}/volumes/${id}?cascade=true`)).status, 202);
    assert.equal((await call(w.url, alice, 'GET', `${base}/snapshots/${snap.json.snapshot.id}`)).status, 404, 'cascade took the snapshot');
  });

  it('When Nova attaches a volume, then it is recorded with /dev/vdb, shows attaching, a second attach is 400, delete is 400, and detach clears it', async () => {
    const server = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } });
    assert.equal(server.status, 202, server.text);
    const sid = server.json.server.id;
    const s = await w.kube.get<any>(Resources.Server, sid, projectNamespace(w.ids.projects.demo));
    await w.kube.replaceStatus(Resources.Server, { ...s, status: { status: 'ACTIVE' } });
    const id = await available();
    const att = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${sid}/os-volume_attachments`, { volumeAttachment: { volumeId: id } });
    assert.equal(att.status, 200, att.text);
    assert.deepEqual([att.json.volumeAttachment.device, att.json.volumeAttachment.serverId], ['/dev/vdb', sid]);
    const v = (await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume;
    assert.deepEqual([v.status, v.attachments[0].server_id], ['attaching', sid]);
    assert.equal((await call(w.url, alice, 'POST', `/compute/v2.1/servers/${sid}/os-volume_attachments`, { volumeAttachment: { volumeId: id } })).status, 400);
    assert.equal((await call(w.url, alice, 'DELETE', `${base}/volumes/${id}`)).status, 400);
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/servers/${sid}`)).json.server['os-extended-volumes:volumes_attached'][0].id, id);
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${sid}/os-volume_attachments/${id}`)).status, 202);
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/servers/${sid}/os-volume_attachments/${id}`)).status, 404);
    assert.deepEqual((await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume.attachments, []);
  });

  it('When a volume is deleted just after an attach its cache has not seen yet, then the delete is checked on the live volume: 400, and the volume and its attachment stay', async () => {
    const id = await available();
    const ns = projectNamespace(w.ids.projects.demo);
    const live = await w.kube.get<Volume>(Resources.Volume, id, ns);
    const attachment = { id: 'a-race', serverId: 's-race', device: '/dev/vdb', attachedAt: new Date().toISOString() };
    const release = w.kube.holdWatches();
    await w.kube.replace(Resources.Volume, { ...live!, spec: { ...live!.spec, attachments: [attachment] } });
    const del = await call(w.url, alice, 'DELETE', `${base}/volumes/${id}`);
    release();
    assert.equal(del.status, 400, del.text);
    assert.deepEqual((await w.kube.get<Volume>(Resources.Volume, id, ns))?.spec.attachments?.map((a) => a.id), ['a-race']);
  });

  it('When a server boots from an image onto a new volume, then it has no image, and the volume is made from the image, attached as /dev/vda', async () => {
    const bdm = [{ boot_index: 0, uuid: IMAGE_ID, source_type: 'image', destination_type: 'volume', volume_size: 1, delete_on_termination: true }];
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'bfv', flavorRef: '1', imageRef: '', block_device_mapping_v2: bdm } });
    assert.equal(res.status, 202, res.text);
    const sid = res.json.server.id;
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/servers/${sid}`)).json.server.image, '');
    const vols = (await call(w.url, alice, 'GET', `${base}/volumes/detail`)).json.volumes.filter((v: { attachments: { server_id: string }[] }) => v.attachments.some((a) => a.server_id === sid));
    assert.equal(vols.length, 1);
    assert.deepEqual([vols[0].attachments[0].device, vols[0].bootable, vols[0].volume_image_metadata?.image_id], ['/dev/vda', 'true', IMAGE_ID]);
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${sid}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `${base}/volumes/${vols[0].id}`)).status, 404, 'delete_on_termination took the volume');
  });

  it('When a server boots from an existing volume, then it is attached as /dev/vda and kept after the server goes', async () => {
    const id = await available();
    const bdm = [{ boot_index: '0', uuid: id, source_type: 'volume', destination_type: 'volume' }];
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'bfv2', flavorRef: '1', block_device_mapping_v2: bdm } });
    assert.equal(res.status, 202, res.text);
    const v = (await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume;
    assert.deepEqual([v.attachments[0].server_id, v.attachments[0].device], [res.json.server.id, '/dev/vda']);
    await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${res.json.server.id}`);
    assert.deepEqual((await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume.attachments, []);
  });

  it('When a block device mapping names an unknown volume or lacks a size, then 400 and neither a server nor a volume is made', async () => {
    const servers = (await w.kube.list(Resources.Server)).items.length;
    const volumes = (await w.kube.list(Resources.Volume)).items.length;
    for (const bdm of [
      [{ boot_index: 0, uuid: '00000000-0000-4000-8000-000000000000', source_type: 'volume', destination_type: 'volume' }],
      [{ boot_index: 0, uuid: IMAGE_ID, source_type: 'image', destination_type: 'volume' }],
    ]) {
      const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'bad', flavorRef: '1', block_device_mapping_v2: bdm } });
      assert.equal(res.status, 400, res.text);
    }
    assert.equal((await w.kube.list(Resources.Server)).items.length, servers);
    assert.equal((await w.kube.list(Resources.Volume)).items.length, volumes);
  });

  it('When a volume is uploaded to an image, then 202 names an image that is active, owned by the project, with no data and a property saying so', async () => {
    const id = await available();
    const res = await action(id, { 'os-volume_upload_image': { image_name: 'from-volume', disk_format: 'raw' } });
    assert.equal(res.status, 202, res.text);
    const body = res.json['os-volume_upload_image'];
    assert.deepEqual([body.id, body.image_name, body.disk_format], [id, 'from-volume', 'raw']);
    const image = (await call(w.url, alice, 'GET', `/image/v2/images/${body.image_id}`)).json;
    assert.deepEqual([image.status, image.size, image.owner, image.name], ['active', 0, w.ids.projects.demo, 'from-volume']);
    assert.match(image.openstack_sim_data, /not copied/);
    const creating = (await create({ size: 1 })).json.volume.id;
    assert.equal((await action(creating, { 'os-volume_upload_image': { image_name: 'x' } })).status, 400, 'only an available volume');
  });
});
