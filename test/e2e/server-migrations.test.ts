// Cold and live migration with the real CLI, as an admin runs them: `server migrate --wait` moves
// the server's Pod to another node and waits in VERIFY_RESIZE until `server migration confirm`;
// `server migrate --live-migration --wait` moves it again with the server ACTIVE at the end; the
// server's events list both moves.
import assert from 'node:assert/strict';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

const ADMIN = 'openstack-sim';
const DEMO = 'openstack-sim-demo';

interface Shown {
  status: string;
  'OS-EXT-SRV-ATTR:host': string | null;
}

describe('openstack server migrate (real CLI, real cluster)', () => {
  let id = '';
  let ns = '';
  const show = (): Promise<Shown> => openstackJson<Shown>(ADMIN, ['server', 'show', id]);
  const podNode = async (): Promise<string> => (await kubectl(['get', 'pod', id, '-n', ns, '-o', 'jsonpath={.spec.nodeName}']).catch(() => '')).trim();

  before(async () => {
    await e2eStack();
    id = (await openstackJson<{ id: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', `e2e-migrate-${Date.now()}`])).id;
    const rows = await kubectl(['get', 'servers.openstack.sim', '-A', '--no-headers']);
    ns = rows.split('\n').find((l) => l.includes(id))!.trim().split(/\s+/)[0];
  });
  after(async () => {
    if (id) await openstack(DEMO, ['server', 'delete', '--wait', id]).catch(() => undefined);
  });

  it('When an admin migrates the server, then it waits in VERIFY_RESIZE on another node; confirmed, it is ACTIVE there', async () => {
    const from = (await show())['OS-EXT-SRV-ATTR:host'];
    await openstack(ADMIN, ['server', 'migrate', '--wait', id]);
    const moved = await show();
    assert.equal(moved.status, 'VERIFY_RESIZE');
    assert.notEqual(moved['OS-EXT-SRV-ATTR:host'], from);
    assert.equal(await podNode(), moved['OS-EXT-SRV-ATTR:host'], 'the Pod runs where the server says');
    await openstack(ADMIN, ['server', 'migration', 'confirm', id]);
    assert.equal(await until('ACTIVE', async () => ((await show()).status === 'ACTIVE' ? 'ACTIVE' : undefined)), 'ACTIVE');
  });

  it('When an admin live-migrates it, then it is ACTIVE on yet another node with no confirmation', async () => {
    const from = (await show())['OS-EXT-SRV-ATTR:host'];
    await openstack(ADMIN, ['server', 'migrate', '--live-migration', '--wait', id]);
    const moved = await show();
    assert.equal(moved.status, 'ACTIVE');
    assert.notEqual(moved['OS-EXT-SRV-ATTR:host'], from);
    assert.equal(await podNode(), moved['OS-EXT-SRV-ATTR:host']);
  });

  it('When a member tries to migrate it, then Nova\'s policy refuses (403)', async () => {
    await assert.rejects(openstack(DEMO, ['server', 'migrate', id]), /403|Policy doesn't allow/);
  });

  it('When the server\'s events are listed, then both moves are there', async () => {
    const events = await openstackJson<{ Action: string }[]>(DEMO, ['server', 'event', 'list', id]);
    const actions = events.map((e) => e.Action);
    assert.ok(actions.includes('migrate') && actions.includes('live-migration'), actions.join(','));
  });
});
