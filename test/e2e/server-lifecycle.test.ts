// The walking skeleton as a user drives it: openstack server create/list/show/stop/start/delete
// with the real CLI, and the same state seen through kubectl.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

interface ServerShow {
  id: string;
  name: string;
  status: string;
  'OS-EXT-SRV-ATTR:host': string;
  'OS-EXT-STS:power_state': number;
  'OS-EXT-AZ:availability_zone': string;
}

describe('openstack server lifecycle (real CLI, real cluster)', () => {
  const name = `e2e-vm-${Date.now()}`;
  let server: ServerShow;
  let createSeconds = 0;

  before(async () => {
    await e2eStack();
  });

  it('When a server is created with --wait, then it is ACTIVE with a host', async () => {
    const start = Date.now();
    server = await openstackJson<ServerShow>('openstack-sim', ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', name]);
    createSeconds = (Date.now() - start) / 1000;
    console.error(`      server create --wait took ${createSeconds.toFixed(1)} s`);
    assert.equal(server.status, 'ACTIVE');
    assert.match(server['OS-EXT-SRV-ATTR:host'], /^node-\d+$/);
    // -f json prints the raw power state (1 = RUNNING); the table prints "Running".
    assert.equal(server['OS-EXT-STS:power_state'], 1);
    assert.match(server['OS-EXT-AZ:availability_zone'], /^zone-[ab]$/);
  });

  it('When listing and showing, then list and show agree', async () => {
    const list = await openstackJson<{ ID: string; Name: string; Status: string }[]>('openstack-sim', ['server', 'list']);
    const row = list.find((r) => r.ID === server.id);
    assert.ok(row, 'server missing from server list');
    assert.equal(row.Name, name);
    assert.equal(row.Status, 'ACTIVE');
    const shown = await openstackJson<ServerShow>('openstack-sim', ['server', 'show', name]);
    assert.equal(shown.id, server.id);
    assert.equal(shown['OS-EXT-SRV-ATTR:host'], server['OS-EXT-SRV-ATTR:host']);
  });

  it('When kubectl lists servers.openstack.sim, then the row is ACTIVE on the same host and its Pod runs there', async () => {
    const rows = await kubectl(['get', 'servers.openstack.sim', '-A', '--no-headers', '-o', 'wide']);
    const line = rows.split('\n').find((l) => l.includes(server.id));
    assert.ok(line, `no kubectl row for ${server.id}:\n${rows}`);
    assert.match(line, /\bACTIVE\b/);
    assert.ok(line.includes(server['OS-EXT-SRV-ATTR:host']), line);
    const ns = line.trim().split(/\s+/)[0];
    const pod = JSON.parse(await kubectl(['get', 'pod', server.id, '-n', ns, '-o', 'json'])) as { spec: { nodeName: string }; status: { phase: string } };
    assert.equal(pod.spec.nodeName, server['OS-EXT-SRV-ATTR:host']);
    assert.equal(pod.status.phase, 'Running');
  });

  it('When the server is stopped, then it is SHUTOFF with no Pod; started again, it is ACTIVE with a Pod on the same host, keeping its id', async () => {
    const rows = await kubectl(['get', 'servers.openstack.sim', '-A', '--no-headers']);
    const ns = rows.split('\n').find((l) => l.includes(server.id))!.trim().split(/\s+/)[0];
    await openstack('openstack-sim', ['server', 'stop', server.id]);
    const stopped = await until('SHUTOFF', async () => {
      const s = await openstackJson<ServerShow>('openstack-sim', ['server', 'show', server.id]);
      return s.status === 'SHUTOFF' ? s : undefined;
    });
    assert.equal(stopped['OS-EXT-STS:power_state'], 4, 'SHUTDOWN');
    await until('the Pod to go', async () => (await kubectl(['get', 'pod', server.id, '-n', ns]).then(() => false, () => true)) || undefined);
    await openstack('openstack-sim', ['server', 'start', server.id]);
    const started = await until('ACTIVE again', async () => {
      const s = await openstackJson<ServerShow>('openstack-sim', ['server', 'show', server.id]);
      return s.status === 'ACTIVE' ? s : undefined;
    });
    assert.equal(started['OS-EXT-SRV-ATTR:host'], server['OS-EXT-SRV-ATTR:host'], 'Nova starts a server on its host');
    const pod = JSON.parse(await kubectl(['get', 'pod', server.id, '-n', ns, '-o', 'json'])) as { spec: { nodeName: string } };
    assert.equal(pod.spec.nodeName, server['OS-EXT-SRV-ATTR:host']);
    await assert.rejects(openstack('openstack-sim', ['server', 'start', server.id]), /409|Cannot 'start' instance/);
  });

  it('When the server is deleted with --wait, then its Pod and CR are gone', async () => {
    const rows = await kubectl(['get', 'servers.openstack.sim', '-A', '--no-headers']);
    const ns = rows.split('\n').find((l) => l.includes(server.id))!.trim().split(/\s+/)[0];
    await openstack('openstack-sim', ['server', 'delete', '--wait', server.id]);
    await assert.rejects(kubectl(['get', 'servers.openstack.sim', server.id, '-n', ns]), /NotFound/);
    await assert.rejects(kubectl(['get', 'pod', server.id, '-n', ns]), /NotFound/);
    await assert.rejects(openstack('openstack-sim', ['server', 'show', server.id]), /No server with a name or ID/);
  });
});
