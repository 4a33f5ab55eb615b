// What each Nova microversion adds to the server views, as one table of fields: from which version a
// field appears, whether only an admin sees it, and in which views (show and the detail list,
// update, rebuild). Every served version is walked for every persona and view, so a field that
// appears a version early, late, or in the wrong view fails here.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Flavor, Server } from '../../../../crds/types.generated.js';
import { atLeast } from '../../../../api-server/src/common/microversion.js';
import { MAX_VERSION } from '../../../../api-server/src/services/nova/microversion.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

type View = 'show' | 'detail' | 'update' | 'rebuild';
type Field = { key: string; since: string; adminOnly: boolean; views: View[] };

const READS: View[] = ['show', 'detail'];
const ALL: View[] = ['show', 'detail', 'update', 'rebuild'];

/** Nova's views/servers.py show(), field by field. */
const FIELDS: Field[] = [
  { key: 'OS-EXT-SRV-ATTR:host', since: '2.1', adminOnly: true, views: READS },
  { key: 'OS-EXT-SRV-ATTR:reservation_id', since: '2.3', adminOnly: true, views: READS },
  { key: 'OS-EXT-SRV-ATTR:launch_index', since: '2.3', adminOnly: true, views: READS },
  { key: 'OS-EXT-SRV-ATTR:hostname', since: '2.3', adminOnly: true, views: READS },
  { key: 'OS-EXT-SRV-ATTR:kernel_id', since: '2.3', adminOnly: true, views: READS },
  { key: 'OS-EXT-SRV-ATTR:ramdisk_id', since: '2.3', adminOnly: true, views: READS },
  { key: 'OS-EXT-SRV-ATTR:root_device_name', since: '2.3', adminOnly: true, views: READS },
  { key: 'OS-EXT-SRV-ATTR:user_data', since: '2.3', adminOnly: true, views: READS },
  { key: 'locked', since: '2.9', adminOnly: false, views: ALL },
  { key: 'host_status', since: '2.16', adminOnly: true, views: READS },
  { key: 'description', since: '2.19', adminOnly: false, views: ALL },
  { key: 'tags', since: '2.26', adminOnly: false, views: ALL },
  { key: 'trusted_image_certificates', since: '2.63', adminOnly: false, views: ALL },
  { key: 'server_groups', since: '2.71', adminOnly: false, views: ['show', 'update', 'rebuild'] },
  { key: 'locked_reason', since: '2.73', adminOnly: false, views: ALL },
];

/** Every minor version up to the maximum. */
const VERSIONS = Array.from({ length: Number(MAX_VERSION.split('.')[1]) }, (_, i) => `2.${i + 1}`);
const at = (v: string): Record<string, string> => ({ 'OpenStack-API-Version': `compute ${v}` });

describe('Nova server views by microversion', () => {
  let w: AppWorld;
  const tokens = {} as Record<'admin' | 'alice', string>;
  let serverId: string;

  before(async () => {
    w = await serveApp();
    tokens.admin = await w.login('admin', 'admin');
    tokens.alice = await w.login('alice', 'demo');
    const res = await call(w.url, tokens.alice, 'POST', '/compute/v2.1/servers', { server: { name: 'Web Server_1', imageRef: IMAGE_ID, flavorRef: '1', user_data: 'aGVsbG8=', description: 'the web', networks: 'none' } }, at(MAX_VERSION));
    assert.equal(res.status, 202, res.text);
    serverId = res.json.server.id;
    const stored = w.kube.peek<Server>(Resources.Server, serverId, projectNamespace(w.ids.projects.demo))!;
    // What the operator writes once the Pod runs: rebuild needs an active server.
    await w.kube.replaceStatus(Resources.Server, { ...stored, status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', host: 'node-1' } });
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await call(w.url, tokens.alice, 'GET', `/compute/v2.1/servers/${serverId}`)).json.server.status === 'ACTIVE') return;
    }
    throw new Error('the API never showed the server ACTIVE');
  });
  after(() => w.close());

  /** What the operator writes once a rebuild's new Pod is ready: the server is active again. */
  async function settle(): Promise<void> {
    const stored = w.kube.peek<Server>(Resources.Server, serverId, projectNamespace(w.ids.projects.demo))!;
    await w.kube.replaceStatus(Resources.Server, { ...stored, status: { ...stored.status, bootSerial: stored.spec.boot?.serial ?? 0 } });
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await call(w.url, tokens.alice, 'GET', `/compute/v2.1/servers/${serverId}`)).json.server.status === 'ACTIVE') return;
    }
  }

  async function viewOf(view: View, who: 'admin' | 'alice', v: string): Promise<Record<string, unknown>> {
    if (view === 'rebuild') await settle();
    const path = `/compute/v2.1/servers/${serverId}`;
    const res =
      view === 'show' ? await call(w.url, tokens[who], 'GET', path, undefined, at(v))
        : view === 'detail' ? await call(w.url, tokens[who], 'GET', `/compute/v2.1/servers/detail?all_tenants=1`, undefined, at(v))
          : view === 'update' ? await call(w.url, tokens[who], 'PUT', path, { server: { name: 'Web Server_1' } }, at(v))
            : await call(w.url, tokens[who], 'POST', `${path}/action`, { rebuild: { imageRef: IMAGE_ID } }, at(v));
    assert.equal(res.status, view === 'rebuild' ? 202 : 200, res.text);
    return view === 'detail' ? res.json.servers.find((s: { id: string }) => s.id === serverId) : res.json.server;
  }

  for (const v of VERSIONS) {
    for (const who of ['admin', 'alice'] as const) {
      for (const view of ALL) {
        // From 2.75 an update and a rebuild answer what a read does (server_groups aside, which the detail list lacks).
        const asRead = atLeast(v, '2.75') && (view === 'update' || view === 'rebuild') ? 'show' : view;
        const expected = FIELDS.filter((f) => atLeast(v, f.since) && (!f.adminOnly || who === 'admin') && f.views.includes(asRead))
          .filter((f) => !(view === 'rebuild' && f.key === 'OS-EXT-SRV-ATTR:user_data')).map((f) => f.key);
        it(`When ${who} reads the ${view} view at ${v}, then it has exactly its version's fields (${expected.join(', ') || 'none'})`, async () => {
          const body = await viewOf(view, who, v);
          for (const f of FIELDS) assert.equal(f.key in body, expected.includes(f.key), `${f.key} at ${v} in ${view} for ${who}`);
        });
      }
    }
  }

  it('When an admin reads the server at 2.3, then the attributes say what was created: hostname from the display name, user data, reservation', async () => {
    const body = await viewOf('show', 'admin', '2.3');
    assert.equal(body['OS-EXT-SRV-ATTR:hostname'], 'web-server-1');
    assert.equal(body['OS-EXT-SRV-ATTR:user_data'], 'aGVsbG8=');
    assert.match(String(body['OS-EXT-SRV-ATTR:reservation_id']), /^r-[0-9a-f]{8}$/);
    assert.equal(body['OS-EXT-SRV-ATTR:launch_index'], 0);
  });

  for (const [v, view] of [['2.46', 'show'], ['2.47', 'show'], ['2.47', 'update'], ['2.47', 'rebuild']] as const) {
    it(`When the ${view} view is read at ${v}, then the flavor is ${v === '2.46' ? 'a reference' : 'the flavor\'s own values'}`, async () => {
      const { flavor } = (await viewOf(view, 'alice', v)) as { flavor: Record<string, unknown> };
      const stored = (await w.kube.list<Flavor>(Resources.Flavor)).items.find((f) => f.metadata.name === '1')!.spec;
      if (v === '2.46') return assert.deepEqual(Object.keys(flavor).sort(), ['id', 'links']);
      assert.deepEqual(flavor, { original_name: stored.name, vcpus: stored.vcpus, ram: stored.ramMiB, disk: stored.diskGiB, ephemeral: stored.ephemeralGiB ?? 0, swap: stored.swapMiB ?? 0, extra_specs: stored.extraSpecs ?? {} });
    });
  }

  it('When the server\'s node is unknown to the cluster, then host_status is "" (Nova: no service on the host)', async () => {
    const body = await viewOf('show', 'admin', '2.16');
    assert.equal(body.host_status, '');
  });
});
