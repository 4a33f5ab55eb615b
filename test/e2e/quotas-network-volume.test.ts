// Neutron's and Cinder's quotas with the real CLI: the admin lowers demo's port, volume and
// gigabyte quotas to one more than demo uses, demo's next port and volume are made and the ones
// after are refused (Neutron's 409 OverQuota, Cinder's 413), and quota show, quota list --detail
// and limits show --absolute tell the new limits and what is in use. The limits are put back after.
import assert from 'node:assert/strict';
import { e2eStack, openstack, openstackJson, until } from './support/stack.js';

const ADMIN = 'openstack-sim';
const DEMO = 'openstack-sim-demo';

interface DetailRow { Resource: string; 'In Use': number; Limit: number }
interface LimitRow { Name: string; Value: number }

async function networkUsage(resource: string): Promise<{ used: number; limit: number }> {
  const rows = await openstackJson<DetailRow[]>(ADMIN, ['quota', 'list', '--detail', '--network', '--project', 'demo']);
  const row = rows.find((r) => r.Resource === resource);
  assert.ok(row, `quota list --detail has no ${resource} row`);
  return { used: row['In Use'], limit: row.Limit };
}

async function volumeLimits(): Promise<Record<string, number>> {
  const rows = await openstackJson<LimitRow[]>(DEMO, ['limits', 'show', '--absolute']);
  return Object.fromEntries(rows.map((r) => [r.Name, r.Value]));
}

describe('openstack quota set --ports --volumes --gigabytes (real CLI, real cluster)', () => {
  const stamp = Date.now();
  let original: { ports: number; volumes: number; gigabytes: number };
  const made: { ports: string[]; volumes: string[] } = { ports: [], volumes: [] };

  before(async () => {
    await e2eStack();
    const shown = await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', 'demo']);
    original = { ports: shown.ports, volumes: shown.volumes, gigabytes: shown.gigabytes };
  });
  after(async () => {
    for (const id of made.ports) await openstack(DEMO, ['port', 'delete', id]).catch(() => undefined);
    for (const id of made.volumes) {
      await until(`volume ${id} available`, async () => ((await openstackJson<{ status: string }>(DEMO, ['volume', 'show', id])).status === 'available' ? true : undefined), 60_000).catch(() => undefined);
      await openstack(DEMO, ['volume', 'delete', id]).catch(() => undefined);
    }
    await openstack(ADMIN, ['quota', 'set', '--ports', String(original.ports), '--volumes', String(original.volumes), '--gigabytes', String(original.gigabytes), 'demo']);
  });

  it('When demo\'s quotas are one above its usage, then one more port and volume are made and the next are refused with 409 OverQuota and 413', async () => {
    const ports = await networkUsage('ports');
    const volumes = await volumeLimits();
    const limits = { ports: ports.used + 1, volumes: volumes.totalVolumesUsed + 1, gigabytes: volumes.totalGigabytesUsed + 2 };
    await openstack(ADMIN, ['quota', 'set', '--ports', String(limits.ports), '--volumes', String(limits.volumes), '--gigabytes', String(limits.gigabytes), 'demo']);
    const shown = await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', 'demo']);
    assert.deepEqual([shown.ports, shown.volumes, shown.gigabytes], [limits.ports, limits.volumes, limits.gigabytes]);

    made.ports.push((await openstackJson<{ id: string }>(DEMO, ['port', 'create', '--network', 'private', `e2e-quota-${stamp}-1`])).id);
    await assert.rejects(openstack(DEMO, ['port', 'create', '--network', 'private', `e2e-quota-${stamp}-2`]), /409[\s\S]*Quota exceeded for resources: \['port'\]/);

    made.volumes.push((await openstackJson<{ id: string }>(DEMO, ['volume', 'create', '--size', '1', `e2e-quota-${stamp}-1`])).id);
    await assert.rejects(
      openstack(DEMO, ['volume', 'create', '--size', '1', `e2e-quota-${stamp}-2`]),
      new RegExp(`VolumeLimitExceeded: Maximum number of volumes allowed \\(${limits.volumes}\\) exceeded for quota 'volumes'\\.[\\s\\S]*HTTP 413`),
    );
    const names = (await openstackJson<{ Name: string }[]>(DEMO, ['volume', 'list'])).map((v) => v.Name);
    assert.equal(names.includes(`e2e-quota-${stamp}-2`), false, 'the refused volume left nothing');
  });

  it('When the usage is shown, then quota list --detail counts demo\'s ports and limits show --absolute its volumes and gigabytes', async () => {
    const ports = await networkUsage('ports');
    assert.deepEqual(ports, { used: ports.limit, limit: (await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', 'demo'])).ports });
    const volumes = await volumeLimits();
    assert.equal(volumes.totalVolumesUsed, volumes.maxTotalVolumes);
    assert.equal(volumes.maxTotalVolumeGigabytes, volumes.totalGigabytesUsed + 1);
  });
});
