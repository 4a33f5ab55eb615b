// Server actions beyond stop and start, as a project member drives them with the real CLI.
// lock / unlock: a locked server refuses the owner's stop and delete with Nova's 409, kubectl
// shows who locked it, and once unlocked the same stop goes through. server set / unset: the
// server's metadata (properties) and name.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

interface ServerCr {
  metadata: { name: string; namespace: string };
  spec: { lock?: { lockedBy: string } };
}

async function serverCr(id: string): Promise<ServerCr | undefined> {
  const list = JSON.parse(await kubectl(['get', 'servers.openstack.sim', '-A', '-o', 'json'])) as { items: ServerCr[] };
  return list.items.find((i) => i.metadata.name === id);
}

describe('openstack server lock / unlock and set / unset (real CLI, real cluster)', () => {
  const cloud = 'openstack-sim-demo';
  let id: string | undefined;

  before(async () => {
    await e2eStack();
    id = (await openstackJson<{ id: string }>(cloud, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', `e2e-lock-${Date.now()}`])).id;
  });
  after(async () => {
    if (id) await openstack(cloud, ['server', 'unlock', id]).then(() => openstack(cloud, ['server', 'delete', '--wait', id!])).catch(() => undefined);
  });

  it('When the owner locks the server, then kubectl shows it locked by owner and stop and delete are refused with 409', async () => {
    await openstack(cloud, ['server', 'lock', id!]);
    assert.equal((await serverCr(id!))?.spec.lock?.lockedBy, 'owner');
    await assert.rejects(openstack(cloud, ['server', 'stop', id!]), /is locked.*HTTP 409|HTTP 409/s);
    await assert.rejects(openstack(cloud, ['server', 'delete', id!]), /locked|409/);
    const shown = await openstackJson<{ status: string }>(cloud, ['server', 'show', id!]);
    assert.equal(shown.status, 'ACTIVE', 'nothing happened to the locked server');
  });

  it('When the owner unlocks it, then the lock is gone and the same stop goes through', async () => {
    await openstack(cloud, ['server', 'unlock', id!]);
    assert.equal((await serverCr(id!))?.spec.lock, undefined);
    await openstack(cloud, ['server', 'stop', id!]);
    await until('SHUTOFF', async () => ((await openstackJson<{ status: string }>(cloud, ['server', 'show', id!])).status === 'SHUTOFF' ? true : undefined));
  });

  it('When server set gives it a property and a new name, then show has both; server unset takes the property away', async () => {
    const name = `e2e-renamed-${Date.now()}`;
    await openstack(cloud, ['server', 'set', '--property', 'color=blue', '--property', 'tier=web', '--name', name, id!]);
    const shown = await openstackJson<{ name: string; properties: Record<string, string> | string }>(cloud, ['server', 'show', id!]);
    assert.equal(shown.name, name);
    assert.deepEqual(shown.properties, { color: 'blue', tier: 'web' });
    await openstack(cloud, ['server', 'unset', '--property', 'color', id!]);
    assert.deepEqual((await openstackJson<{ properties: Record<string, string> }>(cloud, ['server', 'show', id!])).properties, { tier: 'web' });
  });
});
