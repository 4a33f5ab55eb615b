// Nova's placement views with the real CLI against the real cluster: the hypervisors are the
// Nodes, disabling nova-compute cordons its Node (enabling uncordons it), and an aggregate with a
// zone labels its host with that zone and gives the old one back when the host leaves.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson } from './support/stack.js';

const cloud = 'openstack-sim';

interface NodeList {
  items: { metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: { unschedulable?: boolean } }[];
}

async function nodes(): Promise<NodeList['items']> {
  return (JSON.parse(await kubectl(['get', 'nodes', '-o', 'json'])) as NodeList).items;
}

async function node(name: string): Promise<NodeList['items'][number]> {
  return JSON.parse(await kubectl(['get', 'node', name, '-o', 'json'])) as NodeList['items'][number];
}

describe('openstack hypervisor, compute service and aggregate (real CLI, real cluster)', () => {
  const aggregates: string[] = [];
  let host = '';

  before(async () => {
    await e2eStack();
    host = (await nodes()).map((n) => n.metadata.name).sort()[0];
  });
  after(async () => {
    await openstack(cloud, ['compute', 'service', 'set', '--enable', host, 'nova-compute']).catch(() => undefined);
    for (const a of aggregates) {
      await openstack(cloud, ['aggregate', 'remove', 'host', a, host]).catch(() => undefined);
      await openstack(cloud, ['aggregate', 'delete', a]).catch(() => undefined);
    }
  });

  it('When the hypervisors are listed, then there is one per Node, each up with its InternalIP', async () => {
    const listed = await openstackJson<{ 'Hypervisor Hostname': string; State: string; 'Host IP': string }[]>(cloud, ['hypervisor', 'list']);
    assert.deepEqual(listed.map((h) => h['Hypervisor Hostname']).sort(), (await nodes()).map((n) => n.metadata.name).sort());
    assert.ok(listed.every((h) => h.State === 'up' && /^127\./.test(h['Host IP'])), JSON.stringify(listed));
  });

  it('When nova-compute on a host is disabled with a reason, then its Node is cordoned with the reason, and enabling uncordons it', async () => {
    await openstack(cloud, ['compute', 'service', 'set', '--disable', '--disable-reason', 'e2e maintenance', host, 'nova-compute']);
    const cordoned = await node(host);
    assert.equal(cordoned.spec?.unschedulable, true);
    assert.equal(cordoned.metadata.annotations?.['openstack.sim/disabled-reason'], 'e2e maintenance');
    const [service] = await openstackJson<{ Status: string; 'Disabled Reason': string }[]>(cloud, ['compute', 'service', 'list', '--host', host, '--long']);
    assert.deepEqual([service.Status, service['Disabled Reason']], ['disabled', 'e2e maintenance']);
    await openstack(cloud, ['compute', 'service', 'set', '--enable', host, 'nova-compute']);
    const uncordoned = await node(host);
    assert.notEqual(uncordoned.spec?.unschedulable, true);
    assert.equal(uncordoned.metadata.annotations?.['openstack.sim/disabled-reason'], undefined);
  });

  it('When an aggregate with a zone takes a host, then the Node is labelled with the aggregate and the zone, and loses both when it leaves', async () => {
    const before = (await node(host)).metadata.labels?.['topology.kubernetes.io/zone'];
    const agg = await openstackJson<{ id: number; availability_zone: string }>(cloud, ['aggregate', 'create', '--zone', 'e2e-az9', `e2e-agg-${Date.now()}`]);
    aggregates.push(String(agg.id));
    await openstack(cloud, ['aggregate', 'add', 'host', String(agg.id), host]);
    const labelled = await node(host);
    assert.equal(labelled.metadata.labels?.['topology.kubernetes.io/zone'], 'e2e-az9');
    assert.equal(labelled.metadata.labels?.[`aggregate.openstack.sim/${agg.id}`], '');
    const zones = await openstackJson<{ 'Zone Name': string }[]>(cloud, ['availability', 'zone', 'list', '--compute']);
    assert.ok(zones.some((z) => z['Zone Name'] === 'e2e-az9'), JSON.stringify(zones));
    await openstack(cloud, ['aggregate', 'remove', 'host', String(agg.id), host]);
    const restored = await node(host);
    assert.equal(restored.metadata.labels?.['topology.kubernetes.io/zone'], before);
    assert.equal(restored.metadata.labels?.[`aggregate.openstack.sim/${agg.id}`], undefined);
  });
});
