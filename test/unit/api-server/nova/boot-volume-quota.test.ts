// Nova's volumes and Cinder's quota: a volume Nova would create for a server (boot from volume,
// volumes at boot) that Cinder refuses over quota is Nova's 403 "Quota exceeded for resources:
// volumes" with nothing left (no Server CR, no volume, the instance and volume claims given back);
// volumes Nova deletes itself (a failed boot's, delete_on_termination's) give their claim back.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

type Mapping = Record<string, unknown>;
const bootVolume = (size: number, more: Mapping = {}): Mapping => ({ boot_index: 0, uuid: IMAGE_ID, source_type: 'image', destination_type: 'volume', volume_size: size, ...more });
const blank = (size: number): Mapping => ({ boot_index: 1, source_type: 'blank', destination_type: 'volume', volume_size: size, delete_on_termination: true });

describe('Nova boot from volume against Cinder\'s quota', function () {
  this.timeout(60_000);
  let w: AppWorld;
  let admin: string;
  let alice: string;
  let demo: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
    demo = w.ids.projects.demo;
  });
  after(() => w.close());

  const setVolumeQuota = async (quota: Record<string, number>): Promise<void> => {
    const res = await call(w.url, admin, 'PUT', `/volume/v3/${w.ids.projects.admin}/os-quota-sets/${demo}`, { quota_set: quota });
    assert.equal(res.status, 200, res.text);
  };
  /** What demo uses, as its limits tell it, and the CRs that exist (a deleted Server waits for the operator's finalizer). */
  const usage = async (): Promise<{ volumesUsed: number; gigabytesUsed: number; instancesUsed: number; servers: number; volumes: number }> => {
    const cinder = (await call(w.url, alice, 'GET', `/volume/v3/${demo}/limits`)).json.limits.absolute;
    const nova = (await call(w.url, alice, 'GET', '/compute/v2.1/limits')).json.limits.absolute;
    return {
      volumesUsed: cinder.totalVolumesUsed, gigabytesUsed: cinder.totalGigabytesUsed, instancesUsed: nova.totalInstancesUsed,
      servers: (await w.kube.list(Resources.Server)).items.filter((s) => !s.metadata.deletionTimestamp).length, volumes: (await w.kube.list(Resources.Volume)).items.length,
    };
  };
  const boot = (name: string, bdm: Mapping[]): ReturnType<typeof call> => call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name, flavorRef: '1', imageRef: '', block_device_mapping_v2: bdm } });

  const refusals: { reason: string; quota: Record<string, number>; bdm: Mapping[] }[] = [
    { reason: 'no volume left (volumes 0)', quota: { volumes: 0, gigabytes: 1000, per_volume_gigabytes: -1 }, bdm: [bootVolume(1)] },
    { reason: 'too few gigabytes left', quota: { volumes: 10, gigabytes: 2, per_volume_gigabytes: -1 }, bdm: [bootVolume(3)] },
    { reason: 'a boot volume larger than per_volume_gigabytes', quota: { volumes: 10, gigabytes: 1000, per_volume_gigabytes: 1 }, bdm: [bootVolume(2)] },
    { reason: 'room for the boot volume but not for the second one', quota: { volumes: 1, gigabytes: 1000, per_volume_gigabytes: -1 }, bdm: [bootVolume(1), blank(1)] },
  ];
  for (const c of refusals) {
    it(`When Cinder refuses a volume Nova creates at boot (${c.reason}), then 403 Quota exceeded for resources: volumes and nothing is left or held`, async () => {
      await setVolumeQuota(c.quota);
      const before = await usage();
      const res = await boot('bfv-over', c.bdm);
      assert.equal(res.status, 403, res.text);
      assert.deepEqual(res.json, { forbidden: { code: 403, message: 'Quota exceeded for resources: volumes' } });
      assert.deepEqual(await usage(), before);
    });
  }

  it('When a server with delete_on_termination volumes is deleted, then its volumes go and their Cinder claims with them', async () => {
    await setVolumeQuota({ volumes: 10, gigabytes: 1000, per_volume_gigabytes: -1 });
    const before = await usage();
    const res = await boot('bfv-dot', [bootVolume(2, { delete_on_termination: true }), blank(1)]);
    assert.equal(res.status, 202, res.text);
    const booted = await usage();
    assert.deepEqual([booted.volumesUsed, booted.gigabytesUsed, booted.volumes], [before.volumesUsed + 2, before.gigabytesUsed + 3, before.volumes + 2]);
    assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${res.json.server.id}`)).status, 204);
    const after = await usage();
    assert.deepEqual([after.volumesUsed, after.gigabytesUsed, after.volumes], [before.volumesUsed, before.gigabytesUsed, before.volumes]);
  });
});
