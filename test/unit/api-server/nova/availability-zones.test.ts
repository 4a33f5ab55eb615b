// Nova's os-availability-zone from the Nodes the API server reads: one zone per zone label (nova
// without one), a zone available while one of its hosts is Ready and not cordoned; the detail,
// an admin's, lists each host's nova-compute service.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { ZONE_LABEL } from '../../../../crds/naming.js';
import type { Node } from '../../../../crds/kube-types.js';
import { zoneDetailView, zoneListView } from '../../../../api-server/src/services/nova/availability-zones/availability-zones.view.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const HEARTBEAT = '2024-05-01T10:00:00Z';
function node(name: string, zone: string | undefined, readyStatus = 'True', unschedulable = false): Node {
  return {
    metadata: { name, labels: zone ? { [ZONE_LABEL]: zone } : {} },
    spec: { unschedulable },
    status: { conditions: [{ type: 'Ready', status: readyStatus, lastHeartbeatTime: HEARTBEAT }] },
  };
}

const cases: { name: string; nodes: Node[]; want: [string, boolean][] }[] = [
  { name: 'When nodes carry zone labels, then one zone each, sorted, available', nodes: [node('n2', 'zone-b'), node('n1', 'zone-a'), node('n3', 'zone-a')], want: [['zone-a', true], ['zone-b', true]] },
  { name: 'When a node has no zone label, then it is in Nova\'s default zone nova', nodes: [node('n1', undefined)], want: [['nova', true]] },
  { name: 'When every host of a zone is cordoned, then the zone is unavailable', nodes: [node('n1', 'zone-a', 'True', true), node('n2', 'zone-b')], want: [['zone-a', false], ['zone-b', true]] },
  { name: 'When every host of a zone is not Ready, then the zone is unavailable', nodes: [node('n1', 'zone-a', 'False'), node('n2', 'zone-a', 'Unknown')], want: [['zone-a', false]] },
  { name: 'When one host of a zone is cordoned and another is fine, then the zone is available', nodes: [node('n1', 'zone-a', 'True', true), node('n2', 'zone-a')], want: [['zone-a', true]] },
];

describe('Nova availability zones from Nodes', () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(zoneListView(c.nodes).map((z) => [z.zoneName, z.zoneState.available]), c.want));
  }

  it('When the detail is built, then each host has its nova-compute service: available (Ready), active (not cordoned), updated at the heartbeat', () => {
    const [zone] = zoneDetailView([node('n1', 'zone-a'), node('n2', 'zone-a', 'False', true)]);
    assert.deepEqual(zone.hosts, {
      n1: { 'nova-compute': { available: true, active: true, updated_at: '2024-05-01T10:00:00.000000' } },
      n2: { 'nova-compute': { available: false, active: false, updated_at: '2024-05-01T10:00:00.000000' } },
    });
  });

  describe('through the app', () => {
    let w: AppWorld;
    before(async () => {
      w = await serveApp();
      w.kube.seed(Resources.Node, node('node-a', 'zone-a'));
      for (let i = 0; i < 200 && !(await call(w.url, await w.login('alice', 'demo'), 'GET', '/compute/v2.1/os-availability-zone')).json.availabilityZoneInfo.length; i++) await new Promise((r) => setTimeout(r, 10));
    });
    after(() => w.close());

    it('When a member lists the zones, then the nodes\' zones come with hosts null; the detail is an admin\'s (403)', async () => {
      const alice = await w.login('alice', 'demo');
      const res = await call(w.url, alice, 'GET', '/compute/v2.1/os-availability-zone');
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json.availabilityZoneInfo, [{ zoneName: 'zone-a', zoneState: { available: true }, hosts: null }]);
      assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/os-availability-zone/detail')).status, 403);
      const detail = await call(w.url, await w.login('admin', 'admin'), 'GET', '/compute/v2.1/os-availability-zone/detail');
      assert.equal(detail.status, 200, detail.text);
      assert.deepEqual(Object.keys(detail.json.availabilityZoneInfo[0].hosts), ['node-a']);
    });
  });
});
