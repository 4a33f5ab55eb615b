// pause/unpause, suspend/resume, reboot (soft, hard), rebuild, rescue/unrescue, console log show and url show, resize (revert, confirm), image create and shelve/unshelve with the real CLI, as the End User
// Guide's "Manage instances" chapter runs them, and what each does to the server's Pod; then the
// server's instance actions, as `openstack server event list` shows them.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

interface PodJson {
  metadata: { uid: string; annotations?: Record<string, string> };
  spec: { nodeName?: string; containers: { image: string }[] };
}

interface Shown {
  id: string;
  status: string;
  name: string;
  image: string | { id: string };
  'OS-EXT-SRV-ATTR:host'?: string | null;
}

const cloud = 'openstack-sim-demo';

describe('openstack server pause, suspend, reboot, rebuild, rescue, resize, image create and shelve (real CLI, real cluster)', () => {
  let id = '';
  let ns = '';
  let imageId = '';
  let snapshotId = '';
  const show = (): Promise<Shown> => openstackJson<Shown>(cloud, ['server', 'show', id]);
  const pod = async (): Promise<PodJson | undefined> => kubectl(['get', 'pod', id, '-n', ns, '-o', 'json']).then((o) => JSON.parse(o) as PodJson, () => undefined);
  const status = (want: string) => until(want, async () => ((await show()).status === want ? true : undefined), 60_000);

  before(async () => {
    await e2eStack();
    id = (await openstackJson<{ id: string }>(cloud, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', `e2e-actions-${Date.now()}`])).id;
    const rows = await kubectl(['get', 'servers.openstack.sim', '-A', '--no-headers']);
    ns = rows.split('\n').find((l) => l.includes(id))!.trim().split(/\s+/)[0];
  });
  after(async () => {
    if (id) await openstack(cloud, ['server', 'delete', '--wait', id]).catch(() => undefined);
    for (const image of [imageId, snapshotId].filter(Boolean)) await openstack(cloud, ['image', 'delete', image]).catch(() => undefined);
  });

  it('When the server is paused, then it is PAUSED and its same Pod stays, marked paused; unpaused, it is ACTIVE again', async () => {
    const uid = (await pod())!.metadata.uid;
    await openstack(cloud, ['server', 'pause', id]);
    await status('PAUSED');
    const paused = (await pod())!;
    assert.equal(paused.metadata.uid, uid, 'a paused guest keeps its memory on its host: the same Pod');
    assert.equal(paused.metadata.annotations?.['openstack.sim/power-state'], 'paused');
    await assert.rejects(openstack(cloud, ['server', 'pause', id]), /409|Cannot 'pause'/);
    await openstack(cloud, ['server', 'unpause', id]);
    await status('ACTIVE');
    assert.equal((await pod())!.metadata.annotations?.['openstack.sim/power-state'], 'running');
  });

  it('When the server is suspended, then it is SUSPENDED with no Pod on its host; resumed, it is ACTIVE on the same host', async () => {
    const host = (await openstackJson<Shown>('openstack-sim', ['server', 'show', id]))['OS-EXT-SRV-ATTR:host'];
    await openstack(cloud, ['server', 'suspend', id]);
    await status('SUSPENDED');
    await until('the Pod to go', async () => ((await pod()) ? undefined : true));
    assert.equal((await openstackJson<Shown>('openstack-sim', ['server', 'show', id]))['OS-EXT-SRV-ATTR:host'], host, 'a suspended server keeps its host');
    await openstack(cloud, ['server', 'resume', id]);
    await status('ACTIVE');
    assert.equal((await pod())?.spec.nodeName, host);
  });

  it('When the server is rebooted soft and then hard with --wait, then each time a new Pod boots it, ACTIVE again', async () => {
    for (const kind of ['--soft', '--hard']) {
      const before = (await pod())!.metadata.uid;
      await openstack(cloud, ['server', 'reboot', kind, '--wait', id]);
      assert.equal((await show()).status, 'ACTIVE');
      const after = await until('the new Pod', async () => {
        const p = await pod();
        return p && p.metadata.uid !== before ? p : undefined;
      });
      assert.ok(Number(after.metadata.annotations?.['openstack.sim/boot-serial']) >= 1, 'the Pod of the new boot');
    }
  });

  it('When the server is rebuilt with another image and name, then it is ACTIVE on that image, and its Pod runs the image\'s container', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-rebuild-'));
    writeFileSync(join(dir, 'disk.raw'), 'rebuild');
    imageId = (await openstackJson<{ id: string }>(cloud, ['image', 'create', '--file', join(dir, 'disk.raw'), '--disk-format', 'raw', '--container-format', 'bare', '--property', 'container_image=docker.io/library/alpine:3.20', `e2e-rebuild-${Date.now()}`])).id;
    await openstack(cloud, ['server', 'rebuild', '--image', imageId, '--name', 'e2e-rebuilt', '--wait', id]);
    const shown = await show();
    assert.equal(shown.status, 'ACTIVE');
    assert.equal(shown.name, 'e2e-rebuilt');
    assert.match(JSON.stringify(shown.image), new RegExp(imageId));
    const p = await until('the rebuilt Pod', async () => {
      const live = await pod();
      return live?.spec.containers[0].image === 'docker.io/library/alpine:3.20' ? live : undefined;
    });
    assert.ok(p);
  });

  it('When the server is rescued with the cirros image, then it is RESCUE with a Pod running cirros\'s container; unrescued, ACTIVE on its own image\'s again', async () => {
    const container = async (): Promise<string | undefined> => (await pod())?.spec.containers[0].image;
    await openstack(cloud, ['server', 'rescue', '--image', 'cirros', id]);
    await status('RESCUE');
    const rescueImage = await until('the rescue Pod', async () => ((await container()) === 'docker.io/library/alpine:3.20' ? undefined : container()));
    assert.notEqual(rescueImage, 'docker.io/library/alpine:3.20');
    assert.ok((await pod())?.metadata.annotations?.['openstack.sim/rescue-image-id'], 'the rescue Pod names its image');
    await openstack(cloud, ['server', 'unrescue', id]);
    await status('ACTIVE');
    assert.equal(await until('its own image\'s Pod', async () => ((await container()) === 'docker.io/library/alpine:3.20' ? 'alpine' : undefined)), 'alpine');
  });

  it('When its console log is shown, then it is the Pod\'s log (the guest\'s boot messages and login prompt), and --lines 3 gives its last lines', async () => {
    const full = await until('a console log', async () => (await openstack(cloud, ['console', 'log', 'show', id]).catch(() => undefined)) || undefined);
    assert.match(full, /Linux version/);
    assert.match(full, new RegExp(`instance ${id} "e2e-rebuilt"`));
    assert.equal(full.trim(), (await kubectl(['logs', id, '-n', ns])).trim(), 'the Pod\'s log, as kubectl shows it');
    const tail = await openstack(cloud, ['console', 'log', 'show', '--lines', '3', id]);
    assert.ok(tail.trim().split('\n').length <= 3, tail);
    assert.match(tail, /login: $/m);
  });

  it('When its console URL is shown, then the URL opens, with no token of the user\'s, a page of this API server naming the server, whose log is the console log', async () => {
    const shown = await openstackJson<{ type: string; url: string }>(cloud, ['console', 'url', 'show', id]);
    assert.equal(shown.type, 'novnc');
    const page = await fetch(shown.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(`Console of e2e-rebuilt \\(${id}\\)`));
    const log = (await (await fetch(shown.url.replace('/console/?', '/console/log?'))).json()) as { output: string };
    assert.match(log.output, /login: $/m);
  });

  it('When a crash dump is triggered (2.17), then its Pod boots again and the new console starts with the NMI\'s panic; the server stays ACTIVE', async () => {
    const before = (await pod())?.metadata.uid;
    await openstack(cloud, ['--os-compute-api-version', '2.17', 'server', 'dump', 'create', id]);
    const log = await until('the console after the crash', async () => {
      const now = await pod();
      if (!now || now.metadata.uid === before) return undefined;
      const text = await openstack(cloud, ['console', 'log', 'show', id]).catch(() => '');
      return /Kernel panic - not syncing: NMI/.test(text) ? text : undefined;
    }, 60_000);
    assert.match(log, /after a crash dump/);
    await status('ACTIVE');
  });

  it('When the server is resized to m1.small, then VERIFY_RESIZE with a Pod of m1.small\'s requests; reverted, ACTIVE on m1.tiny again; resized and confirmed, ACTIVE on m1.small', async () => {
    const requests = async (): Promise<string | undefined> => (await kubectl(['get', 'pod', id, '-n', ns, '-o', 'jsonpath={.spec.containers[0].resources.requests.memory}']).catch(() => undefined));
    await openstack(cloud, ['server', 'resize', '--flavor', 'm1.small', '--wait', id]);
    assert.equal((await show()).status, 'VERIFY_RESIZE');
    // The apiserver keeps quantities in canonical form: 2048Mi is 2Gi.
    assert.equal(await until('the m1.small Pod', async () => ((await requests()) === '2Gi' ? '2Gi' : undefined)), '2Gi');
    await openstack(cloud, ['server', 'resize', 'revert', id]);
    await status('ACTIVE');
    assert.equal(await until('the m1.tiny Pod', async () => ((await requests()) === '512Mi' ? '512Mi' : undefined)), '512Mi');
    await openstack(cloud, ['server', 'resize', '--flavor', 'm1.small', '--wait', id]);
    await openstack(cloud, ['server', 'resize', 'confirm', id]);
    await status('ACTIVE');
    const flavor = (await openstackJson<{ flavor: string }>(cloud, ['server', 'show', id])).flavor;
    assert.match(flavor, /m1\.small/);
  });

  it('When an image is created from the server, then it is an active snapshot of the server\'s project naming the server', async () => {
    const image = await openstackJson<{ id: string; status: string; properties: Record<string, string> }>(cloud, ['server', 'image', 'create', '--name', `e2e-snap-${Date.now()}`, '--wait', id]);
    snapshotId = image.id;
    const shown = await openstackJson<{ status: string; properties: Record<string, string> }>(cloud, ['image', 'show', image.id]);
    assert.equal(shown.status, 'active');
    assert.equal(shown.properties.image_type, 'snapshot');
    assert.equal(shown.properties.instance_uuid, id);
  });

  it('When the server is shelved, then it is SHELVED_OFFLOADED with no Pod and no host, its image kept; unshelved, it is ACTIVE with a Pod and the image is gone', async () => {
    await openstack(cloud, ['server', 'shelve', id]);
    await status('SHELVED_OFFLOADED');
    await until('the Pod to go', async () => ((await pod()) ? undefined : true));
    const admin = await openstackJson<Shown>('openstack-sim', ['server', 'show', id]);
    assert.equal(admin['OS-EXT-SRV-ATTR:host'], null, 'offloaded: no host');
    const kept = await openstackJson<{ ID: string; Name: string }[]>(cloud, ['image', 'list', '--name', 'e2e-rebuilt-shelved']);
    assert.equal(kept.length, 1, 'the shelved image');
    await openstack(cloud, ['server', 'unshelve', id]);
    await status('ACTIVE');
    assert.ok((await pod())?.spec.nodeName, 'a Pod on some node again');
    assert.deepEqual(await openstackJson<unknown[]>(cloud, ['image', 'list', '--name', 'e2e-rebuilt-shelved']), []);
  });

  it('When the server\'s events are listed, then every action is there under its request id, and the admin sees the reboot finished with Success', async () => {
    const events = await openstackJson<{ 'Request ID': string; Action: string }[]>(cloud, ['server', 'event', 'list', id]);
    assert.deepEqual(events.map((e) => e.Action).sort(), ['confirmResize', 'create', 'createImage', 'pause', 'reboot', 'reboot', 'rebuild', 'rescue', 'resize', 'resize', 'resume', 'revertResize', 'shelve', 'suspend', 'trigger_crash_dump', 'unpause', 'unrescue', 'unshelve']);
    const reboot = events.find((e) => e.Action === 'reboot')!;
    const detail = await until('the reboot to finish', async () => {
      const d = await openstackJson<{ events: { event: string; result: string | null; finish_time: string | null }[] | string }>('openstack-sim', ['server', 'event', 'show', id, reboot['Request ID']]);
      const list = typeof d.events === 'string' ? [] : d.events;
      return list[0]?.result ? list : undefined;
    });
    assert.equal(detail[0].event, 'compute_reboot_instance');
    assert.equal(detail[0].result, 'Success');
    assert.ok(detail[0].finish_time);
  });
});
