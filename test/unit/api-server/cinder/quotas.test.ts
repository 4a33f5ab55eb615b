// Cinder's quotas through the whole app: os-quota-sets (limits, ?usage=True, defaults, per volume
// type keys, the admin's update with Cinder's checks, reset), os-quota-class-sets, /limits with
// true usage, and admission: volume and snapshot creates, extend, delete and transfer accept
// claim and release exactly, with Cinder's 413 messages.
import assert from 'node:assert/strict';
import { projectNamespace } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { Snapshot, Volume } from '../../../../crds/types.generated.js';
import { CINDER_DEFAULTS } from '../../../../api-server/src/quota/quota.defaults.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

describe('Cinder quotas', function () {
  this.timeout(60_000);
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let demo: string;
  let base: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    demo = w.ids.projects.demo;
    base = `/volume/v3/${demo}`;
  });
  after(() => w.close());

  const adminBase = (): string => `/volume/v3/${w.ids.projects.admin}`;
  const setQuota = (quota: object): ReturnType<typeof call> => call(w.url, admin, 'PUT', `${adminBase()}/os-quota-sets/${demo}`, { quota_set: { tenant_id: demo, ...quota } });
  const usage = async (project = demo, token = admin): Promise<Record<string, { in_use: number; limit: number }>> =>
    (await call(w.url, token, 'GET', `/volume/v3/${token === admin ? w.ids.projects.admin : project}/os-quota-sets/${project}?usage=True`)).json.quota_set;
  const available = async (id: string, ns = projectNamespace(demo)): Promise<void> => {
    const v = await w.kube.get<Volume>(Resources.Volume, id, ns);
    await w.kube.replaceStatus(Resources.Volume, { ...v!, status: { status: 'available', size: v!.spec.size } });
    for (let i = 0; i < 100 && (await call(w.url, alice, 'GET', `${base}/volumes/${id}`)).json.volume?.status !== 'available'; i++) await new Promise((r) => setTimeout(r, 10));
  };
  const createVolume = (size: number): ReturnType<typeof call> => call(w.url, alice, 'POST', `${base}/volumes`, { volume: { size } });

  it('When a project has set nothing, then its quota set is Cinder\'s defaults with per type keys, and a member reads it', async () => {
    const res = await call(w.url, alice, 'GET', `${base}/os-quota-sets/${demo}`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual({ ...res.json.quota_set }, { id: demo, ...CINDER_DEFAULTS, volumes___DEFAULT__: -1, gigabytes___DEFAULT__: -1, snapshots___DEFAULT__: -1 });
    assert.equal((await call(w.url, alice, 'GET', `${base}/os-quota-sets/${w.ids.projects.admin}`)).status, 403);
    assert.equal((await call(w.url, alice, 'PUT', `${base}/os-quota-sets/${demo}`, { quota_set: { volumes: 1 } })).status, 403);
  });

  const badUpdates: { reason: string; quota: object; message: string }[] = [
    { reason: 'an unknown key', quota: { widgets: 1 }, message: 'Bad key(s) in quota set: widgets' },
    { reason: 'a value below -1', quota: { volumes: -2 }, message: 'volumes must be >= -1' },
    { reason: 'a value that is no integer', quota: { gigabytes: 'lots' }, message: 'gigabytes must be an integer.' },
  ];
  for (const c of badUpdates) {
    it(`When an update has ${c.reason}, then 400 with Cinder's message and nothing changes`, async () => {
      const res = await setQuota(c.quota);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.badRequest.message, c.message);
      assert.equal((await usage()).volumes.limit, CINDER_DEFAULTS.volumes);
    });
  }

  it('When volumes fill the quota, then the next is 413 VolumeLimitExceeded; usage and limits count them', async () => {
    assert.equal((await setQuota({ volumes: '2', gigabytes: 10 })).json.quota_set.volumes, 2);
    const made = [await createVolume(3), await createVolume(4)];
    assert.deepEqual(made.map((r) => r.status), [202, 202]);
    const refused = await createVolume(1);
    assert.equal(refused.status, 413);
    assert.deepEqual(refused.json, { overLimit: { code: 413, message: "VolumeLimitExceeded: Maximum number of volumes allowed (2) exceeded for quota 'volumes'." } });
    const u = await usage();
    assert.deepEqual([u.volumes.in_use, u.gigabytes.in_use, u.volumes___DEFAULT__.in_use], [2, 7, 2]);
    const limits = (await call(w.url, alice, 'GET', `${base}/limits`)).json.limits.absolute;
    assert.deepEqual([limits.maxTotalVolumes, limits.totalVolumesUsed, limits.maxTotalVolumeGigabytes, limits.totalGigabytesUsed], [2, 2, 10, 7]);
    for (const r of made) await available(r.json.volume.id);
  });

  it('When a volume or snapshot would pass the gigabytes, then 413 VolumeSizeExceedsAvailableQuota with the numbers', async () => {
    await setQuota({ volumes: 5 });
    const refused = await createVolume(5);
    assert.equal(refused.status, 413);
    assert.equal(refused.json.overLimit.message, 'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 5G, quota is 10G and 7G has been consumed.');
    const volumes = (await call(w.url, alice, 'GET', `${base}/volumes/detail`)).json.volumes;
    const four = volumes.find((v: { size: number }) => v.size === 4).id;
    const snap = await call(w.url, alice, 'POST', `${base}/snapshots`, { snapshot: { volume_id: four } });
    assert.equal(snap.status, 413, 'a snapshot counts its volume\'s gigabytes');
    const three = volumes.find((v: { size: number }) => v.size === 3).id;
    const ok = await call(w.url, alice, 'POST', `${base}/snapshots`, { snapshot: { volume_id: three } });
    assert.equal(ok.status, 202, ok.text);
    assert.deepEqual([(await usage()).snapshots.in_use, (await usage()).gigabytes.in_use], [1, 10]);
    const snapshot = await w.kube.get<Snapshot>(Resources.Snapshot, ok.json.snapshot.id, projectNamespace(demo));
    await w.kube.replaceStatus(Resources.Snapshot, { ...snapshot!, status: { status: 'available' } });
    for (let i = 0; i < 100 && (await call(w.url, alice, 'GET', `${base}/snapshots/${ok.json.snapshot.id}`)).json.snapshot.status !== 'available'; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal((await call(w.url, alice, 'DELETE', `${base}/snapshots/${ok.json.snapshot.id}`)).status, 202);
    assert.equal((await usage()).gigabytes.in_use, 7);
  });

  it('When a volume is extended, then its growth is claimed: past the quota 413, within it the usage grows', async () => {
    const three = (await call(w.url, alice, 'GET', `${base}/volumes/detail`)).json.volumes.find((v: { size: number }) => v.size === 3).id;
    const action = (size: number): ReturnType<typeof call> => call(w.url, alice, 'POST', `${base}/volumes/${three}/action`, { 'os-extend': { new_size: size } });
    const refused = await action(7);
    assert.equal(refused.status, 413);
    assert.match(refused.json.overLimit.message, /^VolumeSizeExceedsAvailableQuota: .* Requested 4G, quota is 10G and 7G has been consumed\.$/);
    assert.equal((await action(6)).status, 202);
    assert.equal((await usage()).gigabytes.in_use, 10);
  });

  it('When per_volume_gigabytes is set, then a bigger volume is 413 VolumeSizeExceedsLimit', async () => {
    await setQuota({ per_volume_gigabytes: 2, gigabytes: -1 });
    const res = await createVolume(3);
    assert.equal(res.status, 413);
    assert.equal(res.json.overLimit.message, 'VolumeSizeExceedsLimit: Requested volume size 3G is larger than maximum allowed limit 2G.');
  });

  it('When skip_validation is false and a limit is below what is used, then 400', async () => {
    const res = await setQuota({ volumes: 1, skip_validation: false });
    assert.equal(res.status, 400);
    assert.equal(res.json.badRequest.message, 'Quota volumes limit must be equal or greater than existing resources. Current usage is 2 and the requested limit is 1.');
  });

  it('When a volume is transferred, then the taker\'s usage grows and the giver\'s shrinks; without room the accept is 413', async () => {
    const four = (await call(w.url, alice, 'GET', `${base}/volumes/detail`)).json.volumes.find((v: { size: number }) => v.size === 4).id;
    const transfer = (await call(w.url, alice, 'POST', `${base}/os-volume-transfer`, { transfer: { volume_id: four } })).json.transfer;
    const adminProject = w.ids.projects.admin;
    await call(w.url, admin, 'PUT', `${adminBase()}/os-quota-sets/${adminProject}`, { quota_set: { gigabytes: 3 } });
    const accept = (): ReturnType<typeof call> => call(w.url, admin, 'POST', `${adminBase()}/os-volume-transfer/${transfer.id}/accept`, { accept: { auth_key: transfer.auth_key } });
    const refused = await accept();
    assert.equal(refused.status, 413, refused.text);
    assert.equal((await usage(adminProject)).volumes.in_use, 0);
    await call(w.url, admin, 'PUT', `${adminBase()}/os-quota-sets/${adminProject}`, { quota_set: { gigabytes: -1 } });
    assert.equal((await accept()).status, 202);
    assert.deepEqual([(await usage(adminProject)).volumes.in_use, (await usage(adminProject)).gigabytes.in_use], [1, 4]);
    assert.deepEqual([(await usage()).volumes.in_use, (await usage()).gigabytes.in_use], [1, 6]);
  });

  it('When a volume is deleted, then its claim goes', async () => {
    const six = (await call(w.url, alice, 'GET', `${base}/volumes/detail`)).json.volumes.find((v: { size: number }) => v.size === 6).id;
    await available(six);
    assert.equal((await call(w.url, alice, 'DELETE', `${base}/volumes/${six}`)).status, 202);
    assert.deepEqual([(await usage()).volumes.in_use, (await usage()).gigabytes.in_use], [0, 0]);
  });

  it('When the admin resets the project\'s quota set, then 200 and the defaults apply again', async () => {
    assert.equal((await call(w.url, admin, 'DELETE', `${adminBase()}/os-quota-sets/${demo}`)).status, 200);
    assert.equal((await usage()).volumes.limit, CINDER_DEFAULTS.volumes);
  });

  it('When the admin updates the default quota class, then it is shown with id default and every project\'s defaults follow', async () => {
    const res = await call(w.url, admin, 'PUT', `${adminBase()}/os-quota-class-sets/default`, { quota_class_set: { volumes: 12, volumes___DEFAULT__: 4 } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.quota_class_set.volumes, 12);
    const shown = (await call(w.url, admin, 'GET', `${adminBase()}/os-quota-class-sets/default`)).json.quota_class_set;
    assert.deepEqual([shown.id, shown.volumes, shown.volumes___DEFAULT__, shown.snapshots], ['default', 12, 4, CINDER_DEFAULTS.snapshots]);
    const defaults = (await call(w.url, alice, 'GET', `${base}/os-quota-sets/${demo}/defaults`)).json.quota_set;
    assert.deepEqual([defaults.volumes, defaults.volumes___DEFAULT__], [12, 4]);
    assert.equal((await call(w.url, alice, 'GET', `${base}/os-quota-class-sets/default`)).status, 403);
  });
});
