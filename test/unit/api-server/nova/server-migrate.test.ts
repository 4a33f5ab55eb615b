// migrate, os-migrateLive and evacuate through the whole app, one row per request: who asks, the
// server's state and host, Nova's answer, and what the API records in the spec (the move's boot
// and the host its Pod must leave). Admin only; a target host must exist and differ from the
// server's; an evacuation needs its host down.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Server, ServerStatus } from '../../../../crds/types.generated.js';
import type { Node } from '../../../../crds/kube-types.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

type From = Pick<ServerStatus, 'status' | 'vmState' | 'powerState' | 'host'>;
const ACTIVE: From = { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', host: 'node-up' };
const ON_DOWN_HOST: From = { ...ACTIVE, host: 'node-down' };
const PAUSED: From = { status: 'PAUSED', vmState: 'paused', powerState: 'PAUSED', host: 'node-up' };
const SHUTOFF: From = { status: 'SHUTOFF', vmState: 'stopped', powerState: 'SHUTDOWN', host: 'node-up' };

function node(name: string, ready: string): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: {} }, status: { conditions: [{ type: 'Ready', status: ready }] } };
}

interface Case {
  name: string;
  who: 'alice' | 'admin';
  from: From;
  spec?: Partial<Server['spec']>;
  body: object;
  code: number;
  error?: RegExp;
  migration?: NonNullable<Server['spec']['migration']>;
  boot?: NonNullable<Server['spec']['boot']>['kind'];
  shows?: { status: string; task: string };
}

const cases: Case[] = [
  { name: 'a member migrates', who: 'alice', from: ACTIVE, body: { migrate: null }, code: 403, error: /migrate/ },
  { name: 'an admin migrates an active server', who: 'admin', from: ACTIVE, body: { migrate: null }, code: 202, migration: { kind: 'Cold', serial: 1, fromHost: 'node-up' }, boot: 'Migrate', shows: { status: 'RESIZE', task: 'resize_prep' } },
  { name: 'an admin migrates a stopped server', who: 'admin', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { migrate: null }, code: 202, boot: 'Migrate', shows: { status: 'RESIZE', task: 'resize_prep' } },
  { name: 'an admin migrates a paused server', who: 'admin', from: PAUSED, spec: { powerState: 'Paused' }, body: { migrate: null }, code: 409, error: /Cannot 'migrate' instance .* vm_state paused/ },
  { name: 'an admin migrates to a host at 2.1', who: 'admin', from: ACTIVE, body: { migrate: { host: 'node-down' } }, code: 400, error: /'host' was unexpected/ },
  { name: 'an admin live-migrates to another host', who: 'admin', from: ACTIVE, body: { 'os-migrateLive': { host: 'node-down', block_migration: false, disk_over_commit: false } }, code: 202, migration: { kind: 'Live', serial: 1, fromHost: 'node-up', toHost: 'node-down' }, boot: 'LiveMigrate', shows: { status: 'MIGRATING', task: 'migrating' } },
  { name: 'an admin live-migrates a paused server anywhere', who: 'admin', from: PAUSED, spec: { powerState: 'Paused' }, body: { 'os-migrateLive': { host: null, block_migration: 'auto' } }, code: 202, boot: 'LiveMigrate' },
  { name: 'an admin live-migrates a stopped server', who: 'admin', from: SHUTOFF, spec: { powerState: 'Stopped' }, body: { 'os-migrateLive': { host: null, block_migration: false } }, code: 409, error: /vm_state stopped/ },
  { name: 'an admin live-migrates to an unknown host', who: 'admin', from: ACTIVE, body: { 'os-migrateLive': { host: 'nowhere', block_migration: false } }, code: 400, error: /Compute host nowhere could not be found/ },
  { name: 'an admin live-migrates to the server\'s own host', who: 'admin', from: ACTIVE, body: { 'os-migrateLive': { host: 'node-up', block_migration: false } }, code: 400, error: /to current host/ },
  { name: 'an admin evacuates a server whose host is up', who: 'admin', from: ACTIVE, body: { evacuate: {} }, code: 400, error: /Compute service of node-up is still in use/ },
  { name: 'an admin evacuates a server whose host is down', who: 'admin', from: ON_DOWN_HOST, body: { evacuate: { adminPass: 'pw' } }, code: 200, migration: { kind: 'Evacuate', serial: 1, fromHost: 'node-down' }, boot: 'Evacuate', shows: { status: 'REBUILD', task: 'rebuilding' } },
  { name: 'a member evacuates', who: 'alice', from: ON_DOWN_HOST, body: { evacuate: {} }, code: 403, error: /os-evacuate/ },
];

describe('Nova migrate, live migration and evacuate: codes and what the spec records', () => {
  let w: AppWorld;
  const tokens: Record<string, string> = {};
  before(async () => {
    w = await serveApp();
    tokens.alice = await w.login('alice', 'demo');
    tokens.admin = await w.login('admin', 'admin');
    w.kube.seed(Resources.Node, node('node-up', 'True'));
    w.kube.seed(Resources.Node, node('node-down', 'Unknown'));
  });
  after(() => w.close());

  const ns = (): string => projectNamespace(w.ids.projects.demo);
  const stored = (id: string): Server => w.kube.peek<Server>(Resources.Server, id, ns())!;
  const shown = async (id: string) => (await call(w.url, tokens.admin, 'GET', `/compute/v2.1/servers/${id}`)).json.server;

  async function serverIn(from: From, spec: Partial<Server['spec']> = {}): Promise<string> {
    const id = (await call(w.url, tokens.alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } })).json.server.id as string;
    await w.kube.mergePatch(Resources.Server, id, ns(), { spec });
    await w.kube.replaceStatus(Resources.Server, { ...stored(id), status: from });
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) if ((await shown(id)).status === from.status) return id;
    throw new Error(`the API never showed ${from.status}`);
  }

  for (const c of cases) {
    it(`When ${c.name}, then ${c.code}`, async () => {
      const id = await serverIn(c.from, c.spec);
      const before = structuredClone(stored(id).spec);
      const res = await call(w.url, tokens[c.who], 'POST', `/compute/v2.1/servers/${id}/action`, c.body);
      assert.equal(res.status, c.code, res.text);
      if (c.error) assert.match(res.text, c.error);
      if (c.code >= 400) return assert.deepEqual(stored(id).spec, before, 'a refused move changes nothing');
      if (c.migration) assert.deepEqual(stored(id).spec.migration, c.migration);
      if (c.boot) assert.equal(stored(id).spec.boot?.kind, c.boot);
      if (c.shows) {
        const now = await shown(id);
        assert.deepEqual({ status: now.status, task: now['OS-EXT-STS:task_state'] }, c.shows);
      }
    });
  }

  it('When a cold migration is reverted, then the revert boot goes back to the host it left, from the one it reached', async () => {
    const id = await serverIn(ACTIVE);
    assert.equal((await call(w.url, tokens.admin, 'POST', `/compute/v2.1/servers/${id}/action`, { migrate: null })).status, 202);
    await w.kube.replaceStatus(Resources.Server, { ...stored(id), status: { status: 'VERIFY_RESIZE', vmState: 'resized', powerState: 'RUNNING', host: 'node-down', bootSerial: 1 } });
    for (const end = Date.now() + 5_000; Date.now() < end && (await shown(id)).status !== 'VERIFY_RESIZE'; ) await new Promise((r) => setTimeout(r, 10));
    assert.equal((await call(w.url, tokens.admin, 'POST', `/compute/v2.1/servers/${id}/action`, { revertResize: null })).status, 202);
    assert.deepEqual(stored(id).spec.migration, { kind: 'Cold', serial: 2, fromHost: 'node-down', toHost: 'node-up' });
  });
});
