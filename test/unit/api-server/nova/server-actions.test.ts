// pause/unpause, suspend/resume, reboot, rebuild, shelve/unshelve, rescue/unrescue, resize and createImage through the whole app, one table row per
// action and starting state: Nova's answer, what the API records in the spec, and the status and
// task the server shows at once (before the operator takes the change up). The operator's side is
// server.actions.status.test.ts and server.actions.reconciler.test.ts.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Image, Server, ServerStatus } from '../../../../crds/types.generated.js';
import { call, DISABLED_FLAVOR_ID, HIDDEN_IMAGE_ID, IMAGE_ID, PRIVATE_IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

type From = Pick<ServerStatus, 'status' | 'vmState' | 'powerState' | 'bootSerial'>;
const ACTIVE: From = { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING' };
const SHUTOFF: From = { status: 'SHUTOFF', vmState: 'stopped', powerState: 'SHUTDOWN' };
const PAUSED: From = { status: 'PAUSED', vmState: 'paused', powerState: 'PAUSED' };
const SUSPENDED: From = { status: 'SUSPENDED', vmState: 'suspended', powerState: 'SUSPENDED' };
const OFFLOADED: From = { status: 'SHELVED_OFFLOADED', vmState: 'shelved_offloaded', powerState: 'SHUTDOWN' };
const RESIZED: From = { status: 'VERIFY_RESIZE', vmState: 'resized', powerState: 'RUNNING', bootSerial: 1 };
const RESCUED: From = { status: 'RESCUE', vmState: 'rescued', powerState: 'RUNNING', bootSerial: 1 };
const rescuedSpec = { rescue: {}, boot: { serial: 1, kind: 'Rescue' as const } };
const resizedSpec = { flavorRef: '2', resize: { oldFlavorRef: '1' }, boot: { serial: 1, kind: 'Resize' as const } };

interface Case {
  name: string;
  from: From;
  spec?: Partial<Server['spec']>;
  body: object;
  code: number;
  /** For a 409 or 400: the message's pattern. */
  error?: RegExp;
  /** For a 202: what the spec asks for, and what the server shows at once. */
  wants?: Partial<Server['spec']>;
  shows?: { status: string; task: string };
}

const cases: Case[] = [
  { name: 'pause an active server', from: ACTIVE, body: { pause: null }, code: 202, wants: { powerState: 'Paused' }, shows: { status: 'ACTIVE', task: 'pausing' } },
  { name: 'pause a stopped server', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { pause: null }, code: 409, error: /Cannot 'pause' instance .* while it is in vm_state stopped/ },
  { name: 'unpause a paused server', from: PAUSED, spec: { powerState: 'Paused' }, body: { unpause: null }, code: 202, wants: { powerState: 'Running' }, shows: { status: 'PAUSED', task: 'unpausing' } },
  { name: 'unpause an active server', from: ACTIVE, body: { unpause: null }, code: 409, error: /Cannot 'unpause' instance .* while it is in vm_state active/ },
  { name: 'suspend an active server', from: ACTIVE, body: { suspend: null }, code: 202, wants: { powerState: 'Suspended' }, shows: { status: 'ACTIVE', task: 'suspending' } },
  { name: 'suspend a paused server', from: PAUSED, spec: { powerState: 'Paused' }, body: { suspend: null }, code: 409, error: /vm_state paused/ },
  { name: 'resume a suspended server', from: SUSPENDED, spec: { powerState: 'Suspended' }, body: { resume: null }, code: 202, wants: { powerState: 'Running' }, shows: { status: 'SUSPENDED', task: 'resuming' } },
  { name: 'resume an active server', from: ACTIVE, body: { resume: null }, code: 409, error: /Cannot 'resume' instance .* while it is in vm_state active/ },
  { name: 'soft reboot an active server', from: ACTIVE, body: { reboot: { type: 'SOFT' } }, code: 202, wants: { boot: { serial: 1, kind: 'SoftReboot' } }, shows: { status: 'REBOOT', task: 'reboot_pending' } },
  { name: 'soft reboot a stopped server', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { reboot: { type: 'SOFT' } }, code: 409, error: /Cannot 'reboot' instance .* while it is in vm_state stopped/ },
  { name: 'hard reboot a stopped server (powers it on)', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { reboot: { type: 'hard' } }, code: 202, wants: { powerState: 'Running', boot: { serial: 1, kind: 'HardReboot' } }, shows: { status: 'HARD_REBOOT', task: 'reboot_pending_hard' } },
  { name: 'hard reboot a paused server', from: PAUSED, spec: { powerState: 'Paused' }, body: { reboot: { type: 'HARD' } }, code: 202, wants: { powerState: 'Running' }, shows: { status: 'HARD_REBOOT', task: 'reboot_pending_hard' } },
  { name: 'hard reboot during a soft reboot', from: ACTIVE, spec: { boot: { serial: 3, kind: 'SoftReboot' } }, body: { reboot: { type: 'HARD' } }, code: 202, wants: { boot: { serial: 4, kind: 'HardReboot' } }, shows: { status: 'HARD_REBOOT', task: 'reboot_pending_hard' } },
  { name: 'soft reboot during a soft reboot', from: ACTIVE, spec: { boot: { serial: 3, kind: 'SoftReboot' } }, body: { reboot: { type: 'SOFT' } }, code: 409, error: /task_state reboot_pending/ },
  { name: 'reboot of an unknown type', from: ACTIVE, body: { reboot: { type: 'WARM' } }, code: 400 },
  { name: 'reboot with no type', from: ACTIVE, body: { reboot: {} }, code: 400 },
  { name: 'rebuild an active server', from: ACTIVE, body: { rebuild: { imageRef: HIDDEN_IMAGE_ID, name: 'rebuilt', metadata: { rebuild: 'server' } } }, code: 202, wants: { imageRef: HIDDEN_IMAGE_ID, name: 'rebuilt', metadata: { rebuild: 'server' }, boot: { serial: 1, kind: 'Rebuild' } }, shows: { status: 'REBUILD', task: 'rebuilding' } },
  { name: 'rebuild a stopped server (it stays stopped)', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { rebuild: { imageRef: HIDDEN_IMAGE_ID } }, code: 202, wants: { powerState: 'Stopped', boot: { serial: 1, kind: 'Rebuild' } }, shows: { status: 'REBUILD', task: 'rebuilding' } },
  { name: 'rebuild a paused server', from: PAUSED, spec: { powerState: 'Paused' }, body: { rebuild: { imageRef: IMAGE_ID } }, code: 409, error: /Cannot 'rebuild' instance .* while it is in vm_state paused/ },
  { name: 'rebuild with an image the project cannot see', from: ACTIVE, body: { rebuild: { imageRef: PRIVATE_IMAGE_ID } }, code: 400, error: /Image .* could not be found/ },
  { name: 'rebuild with no image', from: ACTIVE, body: { rebuild: { name: 'x' } }, code: 400 },
  { name: 'shelve an active server', from: ACTIVE, body: { shelve: null }, code: 202, wants: { powerState: 'Shelved' }, shows: { status: 'ACTIVE', task: 'shelving' } },
  { name: 'shelve a stopped server', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { shelve: null }, code: 202, wants: { powerState: 'Shelved' }, shows: { status: 'SHUTOFF', task: 'shelving' } },
  { name: 'shelve a shelved server', from: OFFLOADED, spec: { powerState: 'Shelved' }, body: { shelve: null }, code: 409, error: /Cannot 'shelve' instance .* while it is in vm_state shelved_offloaded/ },
  { name: 'offload a server shelve already offloaded', from: OFFLOADED, spec: { powerState: 'Shelved' }, body: { shelveOffload: null }, code: 409, error: /Cannot 'shelveOffload' instance .* while it is in vm_state shelved_offloaded/ },
  { name: 'unshelve an offloaded server', from: OFFLOADED, spec: { powerState: 'Shelved' }, body: { unshelve: null }, code: 202, wants: { powerState: 'Running' }, shows: { status: 'SHELVED_OFFLOADED', task: 'unshelving' } },
  { name: 'unshelve an active server', from: ACTIVE, body: { unshelve: null }, code: 409, error: /Cannot 'unshelve' instance .* while it is in vm_state active/ },
  { name: 'snapshot an active server', from: ACTIVE, body: { createImage: { name: 'snap', metadata: { k: 'v' } } }, code: 202, wants: { powerState: 'Running', boot: undefined }, shows: { status: 'ACTIVE', task: null as unknown as string } },
  { name: 'snapshot with no name', from: ACTIVE, body: { createImage: {} }, code: 400 },
  { name: 'snapshot with a name that ends in a space', from: ACTIVE, body: { createImage: { name: 'snap ' } }, code: 400 },
  { name: 'snapshot a building server', from: { status: 'BUILD', vmState: 'building', powerState: 'NOSTATE' }, body: { createImage: { name: 'snap' } }, code: 409, error: /Cannot 'createImage' instance/ },
  { name: 'resize an active server', from: ACTIVE, body: { resize: { flavorRef: '2' } }, code: 202, wants: { flavorRef: '2', resize: { oldFlavorRef: '1' }, boot: { serial: 1, kind: 'Resize' } }, shows: { status: 'RESIZE', task: 'resize_prep' } },
  { name: 'resize a stopped server', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { resize: { flavorRef: 'http://x/compute/flavors/2' } }, code: 202, wants: { flavorRef: '2', powerState: 'Stopped' }, shows: { status: 'RESIZE', task: 'resize_prep' } },
  { name: 'resize to the same flavor', from: ACTIVE, body: { resize: { flavorRef: '1' } }, code: 400, error: /When resizing, instances must change flavor!/ },
  { name: 'resize to a missing flavor', from: ACTIVE, body: { resize: { flavorRef: '424242' } }, code: 400, error: /Unable to locate requested flavor/ },
  { name: 'resize to a disabled flavor', from: ACTIVE, body: { resize: { flavorRef: DISABLED_FLAVOR_ID } }, code: 400, error: /Unable to locate requested flavor/ },
  { name: 'resize to a null flavor', from: ACTIVE, body: { resize: { flavorRef: null } }, code: 400 },
  { name: 'resize a paused server', from: PAUSED, spec: { powerState: 'Paused' }, body: { resize: { flavorRef: '2' } }, code: 409, error: /Cannot 'resize' instance .* while it is in vm_state paused/ },
  { name: 'confirm a resize', from: RESIZED, spec: resizedSpec, body: { confirmResize: null }, code: 204, wants: { flavorRef: '2', resize: undefined } },
  { name: 'confirm a server not resized', from: ACTIVE, body: { confirmResize: null }, code: 409, error: /Cannot 'confirmResize' instance .* while it is in vm_state active/ },
  { name: 'revert a resize', from: RESIZED, spec: resizedSpec, body: { revertResize: null }, code: 202, wants: { flavorRef: '1', resize: undefined, boot: { serial: 2, kind: 'RevertResize' } }, shows: { status: 'REVERT_RESIZE', task: 'resize_reverting' } },
  { name: 'revert a server not resized', from: ACTIVE, body: { revertResize: null }, code: 409, error: /Cannot 'revertResize' instance/ },
  { name: 'rescue an active server', from: ACTIVE, body: { rescue: null }, code: 200, wants: { powerState: 'Running', rescue: {}, boot: { serial: 1, kind: 'Rescue' } }, shows: { status: 'ACTIVE', task: 'rescuing' } },
  { name: 'rescue a stopped server (powers it on in rescue)', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { rescue: { adminPass: 'pw' } }, code: 200, wants: { powerState: 'Running', rescue: {} }, shows: { status: 'SHUTOFF', task: 'rescuing' } },
  { name: 'rescue with a rescue image', from: ACTIVE, body: { rescue: { rescue_image_ref: HIDDEN_IMAGE_ID } }, code: 200, wants: { rescue: { imageRef: HIDDEN_IMAGE_ID } }, shows: { status: 'ACTIVE', task: 'rescuing' } },
  { name: 'rescue with an image the project cannot see', from: ACTIVE, body: { rescue: { rescue_image_ref: PRIVATE_IMAGE_ID } }, code: 400, error: /Image .* could not be found/ },
  { name: 'rescue with an unknown key', from: ACTIVE, body: { rescue: { image: IMAGE_ID } }, code: 400 },
  { name: 'rescue a paused server', from: PAUSED, spec: { powerState: 'Paused' }, body: { rescue: null }, code: 409, error: /Cannot 'rescue' instance .* while it is in vm_state paused/ },
  { name: 'rescue a rescued server', from: RESCUED, spec: rescuedSpec, body: { rescue: null }, code: 409, error: /vm_state rescued/ },
  { name: 'unrescue a rescued server', from: RESCUED, spec: rescuedSpec, body: { unrescue: null }, code: 202, wants: { rescue: undefined, boot: { serial: 2, kind: 'Unrescue' } }, shows: { status: 'RESCUE', task: 'unrescuing' } },
  { name: 'unrescue an active server', from: ACTIVE, body: { unrescue: null }, code: 409, error: /Cannot 'unrescue' instance .* while it is in vm_state active/ },
  { name: 'reboot a rescued server', from: RESCUED, spec: rescuedSpec, body: { reboot: { type: 'HARD' } }, code: 409, error: /Cannot 'reboot' instance .* while it is in vm_state rescued/ },
  { name: 'rebuild a rescued server', from: RESCUED, spec: rescuedSpec, body: { rebuild: { imageRef: IMAGE_ID } }, code: 409, error: /vm_state rescued/ },
  { name: 'back up an active server', from: ACTIVE, body: { createBackup: { name: 'b1', backup_type: 'daily', rotation: 2 } }, code: 202, wants: { boot: undefined }, shows: { status: 'ACTIVE', task: null as unknown as string } },
  { name: 'back up with a negative rotation', from: ACTIVE, body: { createBackup: { name: 'b1', backup_type: 'daily', rotation: -1 } }, code: 400 },
  { name: 'back up with no backup type', from: ACTIVE, body: { createBackup: { name: 'b1', rotation: 1 } }, code: 400 },
  { name: 'back up a building server', from: { status: 'BUILD', vmState: 'building', powerState: 'NOSTATE' }, body: { createBackup: { name: 'b1', backup_type: 'daily', rotation: 1 } }, code: 409, error: /Cannot 'createBackup' instance/ },
  { name: 'trigger a crash dump at 2.1', from: ACTIVE, body: { trigger_crash_dump: null }, code: 400, error: /There is no such action: trigger_crash_dump/ },
  { name: 'change the password of an active server (no guest agent)', from: ACTIVE, body: { changePassword: { adminPass: 'new-pw' } }, code: 501, error: /Unable to set password on instance/ },
  { name: 'change the password of a stopped server', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { changePassword: { adminPass: 'new-pw' } }, code: 409, error: /Cannot 'changePassword' instance .* vm_state stopped/ },
  { name: 'change the password with no password', from: ACTIVE, body: { changePassword: {} }, code: 400 },
  { name: 'reset the state as a member', from: ACTIVE, body: { 'os-resetState': { state: 'error' } }, code: 403, error: /reset_state/ },
  { name: 'rebuild with a bad access address', from: ACTIVE, body: { rebuild: { imageRef: IMAGE_ID, accessIPv4: '1.2.3' } }, code: 400, error: /accessIPv4/ },
];

describe('Nova server actions (pause, suspend, reboot, rebuild, shelve, createImage): codes, spec and the status shown at once', () => {
  let w: AppWorld;
  let alice: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
  });
  after(() => w.close());

  const ns = (): string => projectNamespace(w.ids.projects.demo);
  const stored = (id: string): Server => w.kube.peek<Server>(Resources.Server, id, ns())!;
  const shown = async (id: string) => (await call(w.url, alice, 'GET', `/compute/v2.1/servers/${id}`)).json.server;

  /** A new server of demo's, in the state the operator would have reported, once the API's cache shows it. */
  async function serverIn(from: From, spec: Partial<Server['spec']> = {}): Promise<string> {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } });
    const id = res.json.server.id as string;
    await w.kube.mergePatch(Resources.Server, id, ns(), { spec });
    await w.kube.replaceStatus(Resources.Server, { ...stored(id), status: { ...from, host: 'node-1' } });
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await shown(id)).status === (spec.boot && !from.bootSerial ? 'REBOOT' : from.status)) return id;
    }
    throw new Error(`the API never showed ${from.status}`);
  }

  for (const c of cases) {
    it(`When a member asks to ${c.name}, then ${c.code}`, async () => {
      const id = await serverIn(c.from, c.spec);
      const before = structuredClone(stored(id).spec);
      const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, c.body);
      assert.equal(res.status, c.code, res.text);
      if (c.error) assert.match(res.text, c.error);
      if (c.code >= 400) return assert.deepEqual(stored(id).spec, before, 'a refused action changes nothing');
      if (c.code === 200) assert.equal(typeof res.json.adminPass, 'string', 'rescue answers the admin password');
      for (const [k, v] of Object.entries(c.wants ?? {})) assert.deepEqual(stored(id).spec[k as keyof Server['spec']], v, k);
      if (!c.shows) return;
      const now = await shown(id);
      assert.deepEqual({ status: now.status, task: now['OS-EXT-STS:task_state'] }, c.shows);
    });
  }

  it('When a server is rebuilt, then 202 answers the server with its new image and name and an admin password, and no extension attributes', async () => {
    const id = await serverIn(ACTIVE);
    const addresses = { private: [{ version: 4 as const, addr: '10.0.0.5', type: 'fixed' as const, macAddr: 'fa:16:3e:00:00:01' }] };
    await w.kube.replaceStatus(Resources.Server, { ...stored(id), status: { ...stored(id).status, addresses } });
    for (let i = 0; i < 200 && !(await shown(id)).addresses.private; i++) await new Promise((r) => setTimeout(r, 10));
    const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { rebuild: { imageRef: HIDDEN_IMAGE_ID, name: 'rebuilt', adminPass: 'rebuildPassw0rd' } });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.json.server.id, id);
    assert.equal(res.json.server.image.id, HIDDEN_IMAGE_ID);
    assert.equal(res.json.server.name, 'rebuilt');
    assert.equal(res.json.server.adminPass, 'rebuildPassw0rd');
    assert.equal(res.json.server.status, 'REBUILD');
    assert.equal(res.json.server['OS-EXT-STS:task_state'], undefined);
    assert.deepEqual(res.json.server.addresses, { private: [{ version: 4, addr: '10.0.0.5' }] }, 'Nova answers without extend_address');
  });

  it('When a server is snapshotted, then 202 names the new image in Location: a private snapshot of the project with Nova\'s properties, active with no data', async () => {
    const id = await serverIn(ACTIVE);
    const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { createImage: { name: 'snap', metadata: { purpose: 'test' } } });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.text, '', 'no body before 2.45');
    const imageId = res.headers.get('location')!.split('/').pop()!;
    assert.match(res.headers.get('location')!, /\/image\/v2\/images\/[0-9a-f-]{36}$/);
    const image = (await call(w.url, alice, 'GET', `/image/v2/images/${imageId}`)).json;
    assert.deepEqual(
      { name: image.name, status: image.status, visibility: image.visibility, owner: image.owner, size: image.size, image_type: image.image_type, instance_uuid: image.instance_uuid, base_image_ref: image.base_image_ref, purpose: image.purpose },
      { name: 'snap', status: 'active', visibility: 'private', owner: w.ids.projects.demo, size: 0, image_type: 'snapshot', instance_uuid: id, base_image_ref: IMAGE_ID, purpose: 'test' },
    );
  });

  it('When a server is shelved, then its "<name>-shelved" image is kept; unshelved, the image is deleted', async () => {
    const id = await serverIn(ACTIVE);
    assert.equal((await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { shelve: null })).status, 202);
    const imageId = stored(id).spec.shelvedImageId!;
    const image = (await call(w.url, alice, 'GET', `/image/v2/images/${imageId}`)).json;
    assert.equal(image.name, 'vm-shelved');
    assert.equal(image.instance_uuid, id);
    await w.kube.replaceStatus(Resources.Server, { ...stored(id), status: { ...OFFLOADED } });
    for (let i = 0; i < 200 && (await shown(id)).status !== 'SHELVED_OFFLOADED'; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal((await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { unshelve: null })).status, 202);
    assert.equal(stored(id).spec.shelvedImageId, undefined);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${imageId}`)).status, 404);
  });

  it('When a shelved server is deleted, then the image shelve kept goes with it', async () => {
    const id = await serverIn(ACTIVE);
    assert.equal((await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { shelve: null })).status, 202);
    const imageId = stored(id).spec.shelvedImageId!;
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${id}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `/image/v2/images/${imageId}`)).status, 404);
  });

  it('When a locked server is rebooted by its member, then 409 and nothing changes', async () => {
    const id = await serverIn(ACTIVE, { lock: { lockedBy: 'owner' } });
    const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { reboot: { type: 'HARD' } });
    assert.equal(res.status, 409, res.text);
    assert.match(res.text, /is locked/);
    assert.equal(stored(id).spec.boot, undefined);
  });

  it('When backups of one type go past their rotation, then the oldest are deleted and the newest kept', async () => {
    const id = await serverIn(ACTIVE);
    const made: string[] = [];
    for (const name of ['bk-1', 'bk-2', 'bk-3']) {
      const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { createBackup: { name, backup_type: 'weekly', rotation: 2 } });
      assert.equal(res.status, 202, res.text);
      made.push(res.headers.get('location')!.split('/').pop()!);
      await new Promise((r) => setTimeout(r, 20));
    }
    const left = (await w.kube.list<Image>(Resources.Image)).items.map((i) => i.metadata.name);
    assert.deepEqual(made.map((m) => left.includes(m)), [false, true, true]);
    const kept = w.kube.peek<Image>(Resources.Image, made[2]);
    assert.deepEqual({ type: kept?.spec.properties?.image_type, backup: kept?.spec.properties?.backup_type, server: kept?.spec.properties?.instance_uuid }, { type: 'backup', backup: 'weekly', server: id });
  });

  it('When an admin resets a server to error and then to active, then the spec says so each time; an accepted action clears it too', async () => {
    const id = await serverIn(ACTIVE);
    const admin = await w.login('admin', 'admin');
    const act = (token: string, body: object) => call(w.url, token, 'POST', `/compute/v2.1/servers/${id}/action`, body);
    assert.equal((await act(admin, { 'os-resetState': { state: 'error' } })).status, 202);
    assert.equal(stored(id).spec.resetState, 'error');
    const errored = await shown(id);
    assert.deepEqual({ status: errored.status, vm: errored['OS-EXT-STS:vm_state'] }, { status: 'ERROR', vm: 'error' }, 'shown at once, before the operator');
    assert.equal((await act(admin, { 'os-resetState': { state: 'active' } })).status, 202);
    assert.equal(stored(id).spec.resetState, undefined);
    assert.equal((await act(admin, { 'os-resetState': { state: 'error' } })).status, 202);
    assert.equal((await act(admin, { 'os-resetState': { state: 'deleted' } })).status, 400);
    assert.equal((await act(alice, { 'os-stop': null })).status, 202);
    assert.equal(stored(id).spec.resetState, undefined, 'the stop took it out of error');
  });

  it('When a crash dump is triggered at 2.17, then 202 and a new boot (CrashDump) with no task shown; a stopped server is 409', async () => {
    const v217 = { 'OpenStack-API-Version': 'compute 2.17' };
    const id = await serverIn(ACTIVE);
    const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${id}/action`, { trigger_crash_dump: null }, v217);
    assert.equal(res.status, 202, res.text);
    assert.deepEqual(stored(id).spec.boot, { serial: 1, kind: 'CrashDump' });
    const now = await shown(id);
    assert.deepEqual({ status: now.status, task: now['OS-EXT-STS:task_state'] }, { status: 'ACTIVE', task: null });
    const stopped = await serverIn(SHUTOFF, { powerState: 'Stopped' });
    assert.equal((await call(w.url, alice, 'POST', `/compute/v2.1/servers/${stopped}/action`, { trigger_crash_dump: null }, v217)).status, 409);
  });
});
