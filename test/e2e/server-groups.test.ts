// Server groups with the real CLI, as the End User Guide creates them: `server group create` and
// `server create --hint group=`; the members' Pods are spread over nodes (anti-affinity) or kept on
// one (affinity) by the scheduler itself.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson } from './support/stack.js';

const cloud = 'openstack-sim-demo';

describe('openstack server group (real CLI, real cluster)', () => {
  const servers: string[] = [];
  const groups: string[] = [];

  async function groupOf(policy: string): Promise<{ id: string; nodes: string[]; members: string[] }> {
    const group = await openstackJson<{ id: string }>(cloud, ['server', 'group', 'create', '--policy', policy, `e2e-${policy}-${Date.now()}`]);
    groups.push(group.id);
    for (const i of [1, 2]) {
      const s = await openstackJson<{ id: string; status: string }>(cloud, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--hint', `group=${group.id}`, '--wait', `e2e-${policy}-${i}-${Date.now()}`]);
      assert.equal(s.status, 'ACTIVE');
      servers.push(s.id);
    }
    const pods = JSON.parse(await kubectl(['get', 'pods', '-A', '-l', `openstack.sim/server-group=${group.id}`, '-o', 'json'])) as { items: { spec: { nodeName: string } }[] };
    const shown = await openstackJson<{ members: string | string[] }>(cloud, ['server', 'group', 'show', group.id]);
    const members = Array.isArray(shown.members) ? shown.members : shown.members.split(/,\s*/);
    return { id: group.id, nodes: pods.items.map((p) => p.spec.nodeName), members };
  }

  before(() => e2eStack());
  after(async () => {
    for (const id of servers) await openstack(cloud, ['server', 'delete', '--wait', id]).catch(() => undefined);
    for (const id of groups) await openstack(cloud, ['server', 'group', 'delete', id]).catch(() => undefined);
  });

  it('When two servers are created in an anti-affinity group, then both are its members and their Pods run on different nodes', async () => {
    const g = await groupOf('anti-affinity');
    assert.equal(g.nodes.length, 2);
    assert.notEqual(g.nodes[0], g.nodes[1]);
    assert.deepEqual([...g.members].sort(), [...servers.slice(-2)].sort());
  });

  it('When two servers are created in an affinity group, then their Pods run on the same node', async () => {
    const g = await groupOf('affinity');
    assert.equal(g.nodes.length, 2);
    assert.equal(g.nodes[0], g.nodes[1]);
  });
});
