// Cinder volumes as a user drives them with the real CLI: create, list, show, set; a snapshot and
// volumes made from it, from another volume and from an image; boot servers from volumes
// (--volume, --boot-from-volume); attach to a server (in-use, the
// server in its attachments, an attachment Pod on the server's node) and detach (available);
// kubectl shows a bound claim per volume in the project's namespace; a transfer to another
// project keeps the data's PersistentVolume; and after the deletes
// nothing is left: no volume, no snapshot, no claim.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

const DEMO = 'openstack-sim-demo';
const ALT = 'openstack-sim-alt-demo';

interface VolumeShow {
  id: string;
  name: string;
  status: string;
  size: number;
  description: string | null;
  properties?: Record<string, string>;
  snapshot_id?: string | null;
  source_volid?: string | null;
  bootable: string;
  volume_image_metadata?: Record<string, string>;
  attachments: { server_id: string; attachment_id: string; device: string; host_name: string | null }[];
  'os-vol-tenant-attr:tenant_id': string;
}

interface Claim {
  metadata: { name: string; namespace: string; ownerReferences?: { kind: string; name: string }[] };
  status: { phase: string };
}

const show = (id: string): Promise<VolumeShow> => openstackJson<VolumeShow>(DEMO, ['volume', 'show', id]);
const statusIs = (id: string, wanted: string) => async (): Promise<VolumeShow | undefined> => {
  const v = await show(id);
  return v.status === wanted ? v : undefined;
};

describe('openstack volume (real CLI, real cluster)', () => {
  const prefix = `e2e-vol-${Date.now()}`;
  const made: string[] = [];
  let volume: VolumeShow;
  let snapshotId = '';
  let serverId = '';

  before(async () => {
    await e2eStack();
  });

  after(async () => {
    if (serverId) await openstack(DEMO, ['server', 'delete', '--wait', serverId]).catch(() => undefined);
    if (snapshotId) await openstack(DEMO, ['volume', 'snapshot', 'delete', snapshotId]).catch(() => undefined);
    for (const id of made.reverse()) await openstack(DEMO, ['volume', 'delete', id]).catch(() => undefined);
  });

  it('When a volume is created, then it becomes available and kubectl shows a bound claim for it in the project namespace', async () => {
    volume = await openstackJson<VolumeShow>(DEMO, ['volume', 'create', '--size', '1', '--description', 'e2e', `${prefix}-a`]);
    made.push(volume.id);
    const available = await until('the volume to be available', statusIs(volume.id, 'available'));
    assert.equal(available.size, 1);
    const claims = JSON.parse(await kubectl(['get', 'pvc', '-A', '-o', 'json'])) as { items: Claim[] };
    const claim = claims.items.find((c) => c.metadata.name === `vol-${volume.id}`);
    assert.ok(claim, 'a claim named after the volume');
    assert.equal(claim.metadata.namespace, `os-${available['os-vol-tenant-attr:tenant_id']}`);
    assert.equal(claim.status.phase, 'Bound');
    assert.deepEqual(claim.metadata.ownerReferences?.map((r) => [r.kind, r.name]), [['Volume', volume.id]]);
  });

  it('When it is listed and set, then the list shows it and show reads the new name, description and property', async () => {
    const listed = await openstackJson<{ ID: string; Name: string; Status: string }[]>(DEMO, ['volume', 'list']);
    assert.ok(listed.some((v) => v.ID === volume.id && v.Status === 'available'));
    await openstack(DEMO, ['volume', 'set', '--name', `${prefix}-b`, '--description', 'renamed', '--property', 'tier=gold', volume.id]);
    const shown = await show(volume.id);
    assert.equal(shown.name, `${prefix}-b`);
    assert.equal(shown.description, 'renamed');
    assert.equal(shown.properties?.tier, 'gold');
  });

  it('When a snapshot is taken, then volumes can be made from it, from the volume and from an image', async () => {
    const snap = await openstackJson<{ id: string }>(DEMO, ['volume', 'snapshot', 'create', '--volume', volume.id, `${prefix}-snap`]);
    snapshotId = snap.id;
    await until('the snapshot to be available', async () => {
      const s = await openstackJson<{ status: string }>(DEMO, ['volume', 'snapshot', 'show', snapshotId]);
      return s.status === 'available' ? s : undefined;
    });
    const fromSnap = await openstackJson<VolumeShow>(DEMO, ['volume', 'create', '--snapshot', snapshotId, `${prefix}-fromsnap`]);
    const clone = await openstackJson<VolumeShow>(DEMO, ['volume', 'create', '--source', volume.id, `${prefix}-clone`]);
    const fromImage = await openstackJson<VolumeShow>(DEMO, ['volume', 'create', '--image', 'cirros', '--size', '1', `${prefix}-fromimg`]);
    made.push(fromSnap.id, clone.id, fromImage.id);
    assert.equal((await until('the snapshot volume', statusIs(fromSnap.id, 'available'))).snapshot_id, snapshotId);
    assert.equal((await until('the clone', statusIs(clone.id, 'available'))).source_volid, volume.id);
    const img = await until('the image volume', statusIs(fromImage.id, 'available'));
    assert.equal(img.bootable, 'true');
    assert.equal(img.volume_image_metadata?.image_name, 'cirros');
    // This cluster's hostPath provisioner has no CSI snapshots: the CRs say so, and copy nothing.
    const realized = await kubectl(['get', 'snapshots.openstack.sim', '-A', '-o', `jsonpath={.items[?(@.metadata.name=="${snapshotId}")].status.conditions[?(@.type=="Realized")].reason}`]);
    assert.equal(realized.trim(), 'RecordOnly');
    const populated = await kubectl(['get', 'volumes.openstack.sim', '-A', '-o', `jsonpath={.items[?(@.metadata.name=="${fromSnap.id}")].status.conditions[?(@.type=="Populated")].reason}`]);
    assert.equal(populated.trim(), 'NoDataCopied');
  });

  it('When a volume with a snapshot is deleted, then Cinder refuses it (400) and the volume stays', async () => {
    await assert.rejects(openstack(DEMO, ['volume', 'delete', volume.id]));
    assert.equal((await show(volume.id)).status, 'available');
  });

  it('When the volume is added to a server, then it is in-use with the server in its attachments, and an attachment Pod runs on the server\'s node', async () => {
    const server = await openstackJson<{ id: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', `${prefix}-vm`]);
    serverId = server.id;
    await openstack(DEMO, ['server', 'add', 'volume', serverId, volume.id]);
    const inUse = await until('the volume to be in-use', statusIs(volume.id, 'in-use'));
    assert.deepEqual(inUse.attachments.map((a) => [a.server_id, a.device]), [[serverId, '/dev/vdb']]);
    const pods = JSON.parse(await kubectl(['get', 'pods', '-A', '-o', 'json'])) as { items: { metadata: { name: string }; spec: { nodeName?: string } }[] };
    const node = (name: string): string | undefined => pods.items.find((p) => p.metadata.name === name)?.spec.nodeName;
    assert.ok(node(serverId), 'the server\'s Pod is placed');
    assert.equal(node(`volatt-${inUse.attachments[0].attachment_id}`), node(serverId));
    assert.equal(inUse.attachments[0].host_name, node(serverId));
    const shownServer = await openstackJson<{ volumes_attached: unknown }>(DEMO, ['server', 'show', serverId]);
    assert.match(JSON.stringify(shownServer.volumes_attached), new RegExp(volume.id));
  });

  it('When the volume is removed from the server, then it is available again with no attachments and no attachment Pod', async () => {
    const attachmentId = (await show(volume.id)).attachments[0].attachment_id;
    await openstack(DEMO, ['server', 'remove', 'volume', serverId, volume.id]);
    const back = await until('the volume to be available', statusIs(volume.id, 'available'));
    assert.deepEqual(back.attachments, []);
    await until('the attachment Pod to go', async () => ((await kubectl(['get', 'pods', '-A', '-o', 'name'])).includes(`volatt-${attachmentId}`) ? undefined : true));
  });

  it('When an agent uses Cinder\'s attachments API (3.27, complete at 3.44), then create is attaching with the claim as its connection, complete is in-use with an attachment Pod, and delete is available again', async () => {
    const at44 = ['--os-volume-api-version', '3.44'];
    const made = await openstackJson<{ ID: string; Status: string; Properties: { driver_volume_type: string; data: { claim_name: string } } }>(DEMO, [...at44, 'volume', 'attachment', 'create', volume.id, serverId]);
    assert.deepEqual([made.Status, made.Properties.driver_volume_type, made.Properties.data.claim_name], ['attaching', 'kubernetes_pvc', `vol-${volume.id}`]);
    assert.equal((await show(volume.id)).status, 'attaching');
    await openstack(DEMO, [...at44, 'volume', 'attachment', 'complete', made.ID]);
    assert.equal((await until('the volume to be in-use', statusIs(volume.id, 'in-use'))).attachments[0].attachment_id, made.ID);
    await until('the attachment Pod', async () => ((await kubectl(['get', 'pods', '-A', '-o', 'name'])).includes(`volatt-${made.ID}`) ? true : undefined));
    const listed = await openstackJson<{ ID: string; Status: string }[]>(DEMO, [...at44, 'volume', 'attachment', 'list']);
    assert.deepEqual(listed.filter((a) => a.ID === made.ID).map((a) => a.Status), ['attached']);
    await openstack(DEMO, [...at44, 'volume', 'attachment', 'delete', made.ID]);
    await until('the volume to be available', statusIs(volume.id, 'available'));
    await assert.rejects(openstack(DEMO, ['volume', 'attachment', 'list']), /3\.27|version/i, 'at 3.0 there is no attachments API');
  });

  it('When a server is created with --volume, then it boots from that volume: no image, the volume in-use as /dev/vda', async () => {
    const boot = await openstackJson<VolumeShow>(DEMO, ['volume', 'create', '--image', 'cirros', '--size', '1', `${prefix}-boot`]);
    made.push(boot.id);
    await until('the boot volume', statusIs(boot.id, 'available'));
    const vm = await openstackJson<{ id: string; image: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--volume', boot.id, '--wait', `${prefix}-bfv`]);
    const shown = await openstackJson<{ image: string; volumes_attached: unknown; status: string }>(DEMO, ['server', 'show', vm.id]);
    assert.equal(shown.status, 'ACTIVE');
    assert.match(String(shown.image), /volume|^$/i, 'OSC shows an image-less server as booted from volume');
    const v = await until('the boot volume in-use', statusIs(boot.id, 'in-use'));
    assert.deepEqual(v.attachments.map((a) => [a.server_id, a.device]), [[vm.id, '/dev/vda']]);
    await openstack(DEMO, ['server', 'delete', '--wait', vm.id]);
    await until('the boot volume available again', statusIs(boot.id, 'available'));
  });

  it('When a server is created with --boot-from-volume from the image, then a new volume holds its root disk, kept (Nova\'s delete_on_termination default) after the server goes', async () => {
    const vm = await openstackJson<{ id: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--boot-from-volume', '1', '--wait', `${prefix}-bfv2`]);
    const vols = await openstackJson<{ ID: string; 'Attached to': unknown }[]>(DEMO, ['volume', 'list']);
    const root = vols.find((x) => JSON.stringify(x['Attached to']).includes(vm.id));
    assert.ok(root, `a volume attached to ${vm.id}: ${JSON.stringify(vols)}`);
    made.push(root.ID);
    const shown = await until('the root volume in-use', statusIs(root.ID, 'in-use'));
    assert.deepEqual([shown.attachments[0].device, shown.bootable, shown.size], ['/dev/vda', 'true', 1]);
    await openstack(DEMO, ['server', 'delete', '--wait', vm.id]);
    await until('the root volume available again', statusIs(root.ID, 'available'));
  });

  it('When a volume is transferred to another project, then that project owns it and its claim there is bound to the same PersistentVolume; the giver sees it no more', async () => {
    const gift = await openstackJson<VolumeShow>(DEMO, ['volume', 'create', '--size', '1', `${prefix}-gift`]);
    const giver = (await until('the gift to be available', statusIs(gift.id, 'available')))['os-vol-tenant-attr:tenant_id'];
    const pv = (await kubectl(['get', 'pvc', `vol-${gift.id}`, '-n', `os-${giver}`, '-o', 'jsonpath={.spec.volumeName}'])).trim();
    assert.ok(pv, 'the giver\'s claim is bound');
    const request = await openstackJson<{ id: string; auth_key: string }>(DEMO, ['volume', 'transfer', 'request', 'create', gift.id]);
    assert.equal((await show(gift.id)).status, 'awaiting-transfer');
    await openstack(ALT, ['volume', 'transfer', 'request', 'accept', '--auth-key', request.auth_key, request.id]);
    const taken = await until('the taker to see it available', async () => {
      const v = await openstackJson<VolumeShow>(ALT, ['volume', 'show', gift.id]).catch(() => undefined);
      return v?.status === 'available' ? v : undefined;
    });
    const taker = taken['os-vol-tenant-attr:tenant_id'];
    assert.notEqual(taker, giver);
    const moved = await until('the taker\'s claim to bind the same volume', async () => {
      const claim = JSON.parse(await kubectl(['get', 'pvc', `vol-${gift.id}`, '-n', `os-${taker}`, '-o', 'json']).catch(() => '{}')) as { spec?: { volumeName?: string }; status?: { phase?: string } };
      return claim.status?.phase === 'Bound' ? claim : undefined;
    });
    assert.equal(moved.spec?.volumeName, pv, 'the data stays on its PersistentVolume');
    await assert.rejects(show(gift.id), /No volume with a name or ID|could not be found/);
    await until('the giver\'s claim to go', async () => ((await kubectl(['get', 'pvc', '-n', `os-${giver}`, '-o', 'name'])).includes(`vol-${gift.id}`) ? undefined : true));
    await openstack(ALT, ['volume', 'delete', gift.id]);
  });

  it('When the snapshot and the volumes are deleted, then no volume, snapshot or claim of theirs is left', async () => {
    await openstack(DEMO, ['volume', 'snapshot', 'delete', snapshotId]);
    snapshotId = '';
    for (const id of [...made]) await openstack(DEMO, ['volume', 'delete', id]);
    const ids = made.splice(0);
    const listed = await openstackJson<{ ID: string }[]>(DEMO, ['volume', 'list']);
    assert.deepEqual(listed.filter((v) => ids.includes(v.ID)), []);
    await until('the claims to go', async () => {
      const names = await kubectl(['get', 'pvc', '-A', '-o', 'name']);
      return ids.some((id) => names.includes(`vol-${id}`)) ? undefined : true;
    });
  });
});
