// Nova's os-migrations (the moves recorded as InstanceActions: resize, cold and live migration,
// evacuation) and os-simple-tenant-usage (launched Servers and their flavors), through the app.
import assert from 'node:assert/strict';
import { API_VERSION, Resources } from '../../../../crds/resources.js';
import type { InstanceAction, Server } from '../../../../crds/types.generated.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

describe('Nova migrations and usage through the app', function () {
  this.timeout(20_000);
  let w: AppWorld;
  let admin: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    const ns = `os-${w.ids.projects.demo}`;
    w.kube.seed(Resources.Server, {
      apiVersion: API_VERSION, kind: 'Server', metadata: { name: '33333333-3333-4333-8333-333333333333', namespace: ns },
      spec: { name: 'vm3', projectId: w.ids.projects.demo, userId: w.ids.users.alice, flavorRef: '2', resize: { oldFlavorRef: '1' } },
      status: { status: 'VERIFY_RESIZE', vmState: 'resized', host: 'node-a', launchedAt: new Date(Date.now() - 7_200_000).toISOString() },
    } satisfies Server);
    const action = (name: string, act: string, startTime: string): InstanceAction => ({
      apiVersion: API_VERSION, kind: 'InstanceAction', metadata: { name, namespace: ns },
      spec: { action: act, serverId: name.slice(0, 36), serverGeneration: 1, requestId: name, userId: w.ids.users.alice, projectId: w.ids.projects.demo, startTime },
    });
    w.kube.seed(Resources.InstanceAction, action('33333333-3333-4333-8333-333333333333.r1', 'resize', '2024-05-01T10:00:00Z'));
    w.kube.seed(Resources.InstanceAction, action('44444444-4444-4444-8444-444444444444.r1', 'resize', '2024-04-01T10:00:00Z'));
    w.kube.seed(Resources.InstanceAction, action('44444444-4444-4444-8444-444444444444.r2', 'confirmResize', '2024-04-01T10:05:00Z'));
    w.kube.seed(Resources.InstanceAction, { ...action('55555555-5555-4555-8555-555555555555.r1', 'live-migration', '2024-03-01T10:00:00Z'), status: { finishTime: '2024-03-01T10:01:00Z', result: 'Success' } });
    for (let i = 0; i < 300 && (await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations')).json?.migrations?.length !== 3; i++) await new Promise((r) => setTimeout(r, 10));
  });
  after(() => w.close());

  it('When migrations are listed, then each resize is one: pending finished with both flavors, an ended one confirmed', async () => {
    const res = await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.migrations.map((m: { instance_uuid: string; status: string; old_instance_type_id: number; new_instance_type_id: number; dest_compute: string }) => [m.instance_uuid.slice(0, 4), m.status, m.old_instance_type_id, m.new_instance_type_id, m.dest_compute]), [
      ['3333', 'finished', 1, 2, 'node-a'],
      ['4444', 'confirmed', null, null, null],
      ['5555', 'completed', null, null, null],
    ]);
    const live = await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations?migration_type=live-migration', undefined, { 'OpenStack-API-Version': 'compute 2.23' });
    assert.deepEqual(live.json.migrations.map((m: { status: string; migration_type: string }) => [m.status, m.migration_type]), [['completed', 'live-migration']]);
    const filtered = await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations?status=confirmed', undefined, { 'OpenStack-API-Version': 'compute 2.23' });
    assert.deepEqual(filtered.json.migrations.map((m: { status: string; migration_type: string }) => [m.status, m.migration_type]), [['confirmed', 'resize']]);
  });

  it('When migrations are paged at 2.59, then each has a uuid, a page of one links to the next by it, and an unknown marker or key is a 400', async () => {
    const mv = { 'OpenStack-API-Version': 'compute 2.59' };
    const first = await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations?limit=1', undefined, mv);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.migrations.length, 1);
    assert.match(first.json.migrations[0].uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(first.json.migrations_links[0].href, new RegExp(`marker=${first.json.migrations[0].uuid}`));
    const second = await call(w.url, admin, 'GET', `/compute/v2.1/os-migrations?limit=1&marker=${first.json.migrations[0].uuid}`, undefined, mv);
    assert.deepEqual(second.json.migrations.map((m: { status: string }) => m.status), ['confirmed']);
    assert.equal((await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations?marker=nope', undefined, mv)).status, 400);
    assert.equal((await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations?bogus=1', undefined, mv)).status, 400);
    assert.equal((await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations?changes-since=2024-04-15T00:00:00Z', undefined, mv)).json.migrations.length, 1);
    assert.equal((await call(w.url, admin, 'GET', '/compute/v2.1/os-migrations?changes-since=2024-02-15T00:00:00Z', undefined, mv)).json.migrations.length, 3);
  });

  it('When the usage of demo is asked by its member, then its launched server counts with its flavor; another project\'s is 403', async () => {
    const alice = await w.login('alice', 'demo');
    const start = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19);
    const res = await call(w.url, alice, 'GET', `/compute/v2.1/os-simple-tenant-usage/${w.ids.projects.demo}?start=${start}`);
    assert.equal(res.status, 200, res.text);
    const usage = res.json.tenant_usage;
    assert.deepEqual([usage.server_usages.length, usage.server_usages[0].flavor, usage.server_usages[0].memory_mb], [1, 'm1.small', 2048]);
    assert.ok(Math.abs(usage.total_hours - 2) < 0.01, String(usage.total_hours));
    assert.equal((await call(w.url, alice, 'GET', `/compute/v2.1/os-simple-tenant-usage/${w.ids.projects.admin}`)).status, 403);
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/os-simple-tenant-usage')).status, 403);
  });

  it('When the period ends before it starts, then Nova\'s 400; an admin\'s list without detail has no server_usages', async () => {
    const bad = await call(w.url, admin, 'GET', '/compute/v2.1/os-simple-tenant-usage?start=2024-05-02T00:00:00&end=2024-05-01T00:00:00');
    assert.equal(bad.json.badRequest.message, 'Invalid start time. The start time cannot occur after the end time.');
    assert.equal((await call(w.url, admin, 'GET', '/compute/v2.1/os-simple-tenant-usage/?start=2024-05-01T00:00:00')).status, 404, 'an empty project id names nothing');
    const list = await call(w.url, admin, 'GET', `/compute/v2.1/os-simple-tenant-usage?start=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 19)}`);
    assert.deepEqual(list.json.tenant_usages.map((u: { tenant_id: string; server_usages?: unknown }) => [u.tenant_id, u.server_usages]), [[w.ids.projects.demo, undefined]]);
  });
});
