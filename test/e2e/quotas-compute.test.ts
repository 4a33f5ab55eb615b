// Nova's quotas with the real CLI: the admin sets demo's instance quota, demo's next server past it
// fails with Nova's 403, `quota show`, `quota list --detail` and `limits show --absolute` show the
// limits and the true usage, `quota set --cores` takes, and the operator's ResourceQuota in demo's
// namespace mirrors them.
import assert from 'node:assert/strict';
import { Resources } from '../../crds/resources.js';
import { e2eStack, kubectl, openstack, openstackJson, tokenFor, until } from './support/stack.js';

const ADMIN = 'openstack-sim';
const DEMO = 'openstack-sim-demo';

interface Usage {
  Resource: string;
  'In Use': number;
  Limit: number;
}

interface ResourceQuotaView {
  spec: { hard: Record<string, string> };
}

describe('openstack quota set/show and limits show for Nova (real CLI, real cluster)', function () {
  this.timeout(10 * 60_000);
  const prefix = `e2e-quota-${Date.now()}`;
  const made: string[] = [];
  let demoId: string;
  let inUse: number;
  const usage = async (): Promise<Record<string, Usage>> =>
    Object.fromEntries((await openstackJson<Usage[]>(ADMIN, ['quota', 'list', '--compute', '--detail', '--project', 'demo'])).map((u) => [u.Resource, u]));

  before(async () => {
    demoId = (await tokenFor('demo')).projectId;
    inUse = (await usage()).instances['In Use'];
  });

  after(async () => {
    for (const id of made) await openstack(DEMO, ['server', 'delete', '--wait', id]).catch(() => undefined);
    const admin = await tokenFor('admin');
    const { apiUrl } = await e2eStack();
    // Back to the defaults (the CLI has no quota delete).
    await fetch(`${apiUrl}/compute/v2.1/os-quota-sets/${demoId}`, { method: 'DELETE', headers: { 'X-Auth-Token': admin.token } });
  });

  it('When the admin sets demo\'s instances to two more than it uses, then two servers boot and the third is Nova\'s 403', async () => {
    const limit = inUse + 2;
    await openstack(ADMIN, ['quota', 'set', '--instances', String(limit), 'demo']);
    for (const i of [1, 2]) made.push((await openstackJson<{ id: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', `${prefix}-${i}`])).id);
    await assert.rejects(openstack(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', `${prefix}-3`]),
      new RegExp(`Quota exceeded for instances: Requested 1, but already used ${limit} of ${limit} instances`));
    const names = (await openstackJson<{ Name: string }[]>(DEMO, ['server', 'list'])).map((s) => s.Name).filter((n) => n.startsWith(prefix));
    assert.deepEqual(names.sort(), [`${prefix}-1`, `${prefix}-2`]);
  });

  it('When the quotas and limits are shown, then they give the limit and the true usage', async () => {
    const limit = inUse + 2;
    const shown = await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', 'demo']);
    assert.equal(shown.instances, limit);
    const detail = await until('the usage to count both servers', async () => {
      const u = await usage();
      return u.instances['In Use'] === limit ? u : undefined;
    });
    assert.equal(detail.instances.Limit, limit);
    const absolute = Object.fromEntries((await openstackJson<{ Name: string; Value: number }[]>(DEMO, ['limits', 'show', '--absolute'])).map((l) => [l.Name, l.Value]));
    assert.equal(absolute.maxTotalInstances, limit);
    assert.equal(absolute.totalInstancesUsed, limit);
    assert.equal(absolute.totalCoresUsed, detail.cores['In Use']);
    assert.ok(absolute.totalCoresUsed >= 2);
  });

  /** A CPU quantity in millicores: the apiserver writes whole cores without the m (402000m is "402"). */
  const milliCpu = (q: string | undefined): number | undefined => (q === undefined ? undefined : q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);

  it('When the admin sets the cores, then quota show has them and demo\'s ResourceQuota mirrors instances and cores', async () => {
    const cores = (await usage()).cores['In Use'] + 5;
    await openstack(ADMIN, ['quota', 'set', '--cores', String(cores), 'demo']);
    assert.equal((await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', 'demo'])).cores, cores);
    const volumes = (await openstackJson<Record<string, number>>(ADMIN, ['quota', 'show', 'demo'])).volumes;
    const attachmentRoom = (volumes === -1 ? 100 : volumes) * 10;
    const hard = await until('the ResourceQuota to mirror the quotas', async () => {
      const rq = JSON.parse(await kubectl(['get', Resources.ResourceQuota.plural, 'openstack-quota', '-n', `os-${demoId}`, '-o', 'json']).catch(() => '{"spec":{"hard":{}}}')) as ResourceQuotaView;
      return milliCpu(rq.spec.hard['requests.cpu']) === cores * 1000 + attachmentRoom ? rq.spec.hard : undefined;
    }, 30_000);
    assert.equal(milliCpu(hard['limits.cpu']), cores * 1000 + attachmentRoom);
    assert.equal(hard[`count/${Resources.Server.plural}.${Resources.Server.group}`], undefined, 'instances are the ledger\'s alone');
    // kube-controller-manager's quota controller counts the namespace's Pods: the apiserver enforces the line.
    await until('the ResourceQuota to count the Pods\' CPU', async () => {
      const rq = JSON.parse(await kubectl(['get', Resources.ResourceQuota.plural, 'openstack-quota', '-n', `os-${demoId}`, '-o', 'json'])) as ResourceQuotaView & { status?: { used?: Record<string, string> } };
      return rq.status?.used?.['requests.cpu'] !== undefined ? true : undefined;
    }, 60_000);
  });
});
