// Neutron networks through the whole app (router, policy, handlers, FakeKube): what the openstack
// CLI, Terraform and Tempest send, and the answers Neutron gives, codes and NeutronError bodies.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import type { NetworkSegment } from '../../../../crds/types.generated.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const NETS = '/network/v2.0/networks';

describe('Neutron networks', () => {
  let w: AppWorld;
  let admin: string;
  let alice: string;
  let carol: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    alice = await w.login('alice', 'demo');
    carol = await w.login('carol', 'demo');
  });
  after(() => w.close());

  const create = async (token: string, network: object): Promise<{ status: number; json: any; text: string }> => call(w.url, token, 'POST', NETS, { network });
  const names = (res: { json: { networks: { name: string }[] } }): string[] => res.json.networks.map((n) => n.name).sort();

  it('When a member creates a network, then 201 with Neutron defaults, ACTIVE, revision 1 and no provider attributes shown', async () => {
    const res = await create(alice, { name: 'private' });
    assert.equal(res.status, 201, res.text);
    const n = res.json.network;
    assert.equal(n.status, 'ACTIVE');
    assert.equal(n.admin_state_up, true);
    assert.equal(n.shared, false);
    assert.equal(n['router:external'], false);
    assert.equal(n.mtu, 1500);
    assert.equal(n.revision_number, 1);
    assert.equal(n.project_id, w.ids.projects.demo);
    assert.equal(n.tenant_id, w.ids.projects.demo);
    assert.deepEqual(n.tags, []);
    assert.match(n.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal('provider:network_type' in n, false, 'provider attributes are an admin view');
    assert.ok(w.kube.peek(Resources.Network, n.id, `os-${w.ids.projects.demo}`), 'stored in the project namespace');
  });

  it('When a member asks for shared, router:external or provider attributes, then 403 PolicyNotAuthorized and nothing is made', async () => {
    const before = w.kube.actions.filter((a) => a.verb === 'create' && a.kind === 'Network').length;
    for (const extra of [{ shared: true }, { 'router:external': 'True' }, { 'provider:network_type': 'vlan' }]) {
      const res = await create(alice, { name: 'x', ...extra });
      assert.equal(res.status, 403, JSON.stringify(extra));
      assert.equal(res.json.NeutronError.type, 'PolicyNotAuthorized');
    }
    assert.equal(w.kube.actions.filter((a) => a.verb === 'create' && a.kind === 'Network').length, before);
  });

  it('When a reader creates a network, then 403; when the body has an unknown attribute, then 400 in NeutronError form', async () => {
    assert.equal((await create(carol, { name: 'x' })).status, 403);
    const res = await create(alice, { name: 'x', qos_policy_id: 'q' });
    assert.equal(res.status, 400);
    assert.ok(res.json.NeutronError.message);
  });

  it('When a member names another project, then 400; an admin may', async () => {
    assert.equal((await create(alice, { name: 'x', project_id: w.ids.projects.admin })).status, 400);
    const res = await create(admin, { name: 'for-demo', project_id: w.ids.projects.demo });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.network.project_id, w.ids.projects.demo);
  });

  it('When networks are listed, then another project sees its own plus shared and external ones, never a private one of demo', async () => {
    await create(admin, { name: 'public', 'router:external': true });
    await create(admin, { name: 'shared-net', shared: true });
    await create(admin, { name: 'admin-private' });
    const mine = await call(w.url, alice, 'GET', NETS);
    assert.ok(names(mine).includes('private'));
    assert.ok(names(mine).includes('public') && names(mine).includes('shared-net'));
    assert.equal(names(mine).includes('admin-private'), false);
    const id = mine.json.networks.find((n: { name: string }) => n.name === 'private').id;
    const adminOnly = (await call(w.url, admin, 'GET', NETS)).json.networks.find((n: { name: string }) => n.name === 'admin-private').id;
    const hidden = await call(w.url, alice, 'GET', `${NETS}/${adminOnly}`);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.json.NeutronError.type, 'NetworkNotFound');
    assert.equal((await call(w.url, admin, 'GET', `${NETS}/${id}`)).status, 200, 'an admin sees every network');
  });

  it('When the list is filtered, then repeated keys are an OR, booleans read as Python sends them, and fields= trims', async () => {
    const ext = await call(w.url, alice, 'GET', `${NETS}?router:external=True`);
    assert.deepEqual(names(ext), ['public']);
    const two = await call(w.url, alice, 'GET', `${NETS}?name=public&name=private`);
    assert.deepEqual(names(two), ['private', 'public']);
    const trimmed = await call(w.url, alice, 'GET', `${NETS}?name=public&fields=id&fields=name`);
    assert.deepEqual(Object.keys(trimmed.json.networks[0]).sort(), ['id', 'name']);
    const tpo = await call(w.url, alice, 'GET', `${NETS}?status=ACTIVE&name=private`);
    assert.deepEqual(names(tpo), ['private'], 'Terraform looks networks up by status=ACTIVE and name');
  });

  it('When the list is paged, then limit gives a next link that keeps the filters, and the last page has none', async () => {
    const first = await call(w.url, admin, 'GET', `${NETS}?limit=2&sort_key=name&sort_dir=asc`);
    assert.equal(first.json.networks.length, 2);
    const next: string = first.json.networks_links[0].href;
    assert.match(next, /sort_key=name/);
    const rest = await call(w.url, admin, 'GET', next.slice(w.url.length));
    assert.ok(rest.json.networks.every((n: { name: string }) => n.name >= first.json.networks[1].name));
    const all = await call(w.url, admin, 'GET', `${NETS}?limit=1000`);
    assert.equal(all.json.networks_links, undefined);
    assert.equal((await call(w.url, admin, 'GET', `${NETS}?sort_key=name`)).status, 400, 'sort keys and directions come in pairs');
  });

  it('When a network is updated, then revision_number and updated_at move; If-Match with an old revision is 412', async () => {
    const id = (await create(alice, { name: 'rev' })).json.network.id;
    const upd = await call(w.url, alice, 'PUT', `${NETS}/${id}`, { network: { name: 'rev2', admin_state_up: false } }, { 'If-Match': 'revision_number=1' });
    assert.equal(upd.status, 200, upd.text);
    assert.equal(upd.json.network.name, 'rev2');
    assert.equal(upd.json.network.admin_state_up, false);
    assert.equal(upd.json.network.revision_number, 2);
    const stale = await call(w.url, alice, 'PUT', `${NETS}/${id}`, { network: { name: 'rev3' } }, { 'If-Match': 'revision_number=1' });
    assert.equal(stale.status, 412);
    assert.equal(stale.json.NeutronError.type, 'RevisionNumberConstraintFailed');
    assert.equal((await call(w.url, alice, 'DELETE', `${NETS}/${id}`, undefined, { 'If-Match': 'revision_number=1' })).status, 412);
    assert.equal((await call(w.url, alice, 'GET', `${NETS}/${id}`)).json.network.name, 'rev2', 'the refused update left it alone');
  });

  it('When another project updates or deletes a shared network it can see, then 403; a private one is 404', async () => {
    const shared = (await call(w.url, alice, 'GET', `${NETS}?name=shared-net`)).json.networks[0].id;
    assert.equal((await call(w.url, alice, 'PUT', `${NETS}/${shared}`, { network: { name: 'mine' } })).status, 403);
    assert.equal((await call(w.url, alice, 'DELETE', `${NETS}/${shared}`)).status, 403);
    assert.equal((await call(w.url, alice, 'DELETE', `${NETS}/00000000-0000-0000-0000-000000000000`)).status, 404);
  });

  it('When tags are set, added, checked and removed, then the codes are 200, 201, 204/404 and 204, and the tag filters see them', async () => {
    const id = (await create(alice, { name: 'tagged' })).json.network.id;
    const tags = `${NETS}/${id}/tags`;
    const put = await call(w.url, alice, 'PUT', tags, { tags: ['red', 'blue'] });
    assert.equal(put.status, 200);
    assert.deepEqual(put.json.tags, ['red', 'blue']);
    assert.equal((await call(w.url, alice, 'PUT', `${tags}/green`)).status, 201);
    assert.equal((await call(w.url, alice, 'GET', `${tags}/green`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `${tags}/pink`)).status, 404);
    assert.deepEqual(names(await call(w.url, alice, 'GET', `${NETS}?tags=red,green`)), ['tagged']);
    assert.deepEqual(names(await call(w.url, alice, 'GET', `${NETS}?tags-any=pink,blue`)), ['tagged']);
    assert.equal(names(await call(w.url, alice, 'GET', `${NETS}?not-tags=red`)).includes('tagged'), false);
    assert.equal((await call(w.url, alice, 'DELETE', `${tags}/red`)).status, 204);
    assert.equal((await call(w.url, alice, 'DELETE', `${tags}/red`)).status, 404);
    assert.equal((await call(w.url, carol, 'PUT', `${tags}/x`)).status, 403, 'a reader may not tag');
    assert.equal((await call(w.url, alice, 'DELETE', tags)).status, 204);
    const shown = (await call(w.url, alice, 'GET', `${NETS}/${id}`)).json.network;
    assert.deepEqual(shown.tags, []);
    assert.ok(shown.revision_number > 1, 'tag changes bump the revision');
  });

  it('When an admin creates VLAN networks, then the VLAN is claimed once per physical network: the second is 409 VlanIdInUse', async () => {
    const vlan = { 'provider:network_type': 'vlan', 'provider:physical_network': 'physnet1', 'provider:segmentation_id': 100 };
    const first = await create(admin, { name: 'v100', ...vlan });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.json.network['provider:segmentation_id'], 100);
    const second = await create(admin, { name: 'v100b', ...vlan });
    assert.equal(second.status, 409);
    assert.equal(second.json.NeutronError.type, 'VlanIdInUse');
    assert.equal((await create(admin, { name: 'v100-other', ...vlan, 'provider:physical_network': 'physnet2' })).status, 201, 'another physical network');
    const auto = await create(admin, { name: 'auto', 'provider:network_type': 'vlan', 'provider:physical_network': 'physnet1' });
    assert.equal(auto.status, 201, auto.text);
    assert.equal(auto.json.network['provider:segmentation_id'], 1, 'the lowest free VLAN');
    assert.equal((await call(w.url, admin, 'DELETE', `${NETS}/${first.json.network.id}`)).status, 204);
    assert.equal((await create(admin, { name: 'v100c', ...vlan })).status, 201, 'deleting the network freed its VLAN');
  });

  it('When provider attributes are invalid, then 400 and no segment is claimed', async () => {
    const bad = [
      { 'provider:network_type': 'vlan', 'provider:physical_network': 'physnet1', 'provider:segmentation_id': 4095 },
      { 'provider:network_type': 'vlan' },
      { 'provider:network_type': 'vxlan', 'provider:physical_network': 'physnet1' },
      { 'provider:network_type': 'flat', 'provider:physical_network': 'physnet9', 'provider:segmentation_id': 3 },
      { 'provider:network_type': 'token-ring' },
      { 'provider:segmentation_id': 7 },
    ];
    const segments = async (): Promise<number> => (await w.kube.list<NetworkSegment>(Resources.NetworkSegment)).items.length;
    const before = await segments();
    for (const attrs of bad) {
      const res = await create(admin, { name: 'bad', ...attrs });
      assert.equal(res.status, 400, `${JSON.stringify(attrs)}: ${res.text}`);
    }
    assert.equal(await segments(), before);
  });

  it('When concurrent creates ask for the same VXLAN id, then exactly one gets it', async () => {
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => create(admin, { name: `race-${i}`, 'provider:network_type': 'vxlan', 'provider:segmentation_id': 5000 })));
    assert.deepEqual(attempts.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
  });
});
