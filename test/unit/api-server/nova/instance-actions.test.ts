// os-instance-actions through the whole app: each accepted action is recorded under the request id
// the API answered with; the list is the server's, newest first; the events are an admin's to see.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { InstanceAction, Server } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

describe('Nova os-instance-actions', () => {
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let server: string;
  let createRequest: string;
  const actionsPath = (): string => `/compute/v2.1/servers/${server}/os-instance-actions`;

  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } });
    server = res.json.server.id;
    createRequest = res.headers.get('x-compute-request-id')!;
    const ns = projectNamespace(w.ids.projects.demo);
    const stored = w.kube.peek<Server>(Resources.Server, server, ns)!;
    await w.kube.replaceStatus(Resources.Server, { ...stored, status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING' } });
    for (let i = 0; i < 200 && (await call(w.url, alice, 'GET', `/compute/v2.1/servers/${server}`)).json.server.status !== 'ACTIVE'; i++) await new Promise((r) => setTimeout(r, 10));
  });
  after(() => w.close());

  it('When a server is created, then its create action is shown under the request id of the POST, with no events for a member', async () => {
    const res = await call(w.url, alice, 'GET', `${actionsPath()}/${createRequest}`);
    assert.equal(res.status, 200, res.text);
    const a = res.json.instanceAction;
    assert.deepEqual({ action: a.action, instance_uuid: a.instance_uuid, request_id: a.request_id, project_id: a.project_id, user_id: a.user_id }, { action: 'create', instance_uuid: server, request_id: createRequest, project_id: w.ids.projects.demo, user_id: w.ids.users.alice });
    assert.equal(a.events, undefined, 'events are for admins (Nova\'s default policy)');
    assert.match(a.start_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('When the server is rebooted and locked, then the list holds create, reboot and lock, newest first', async () => {
    const reboot = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${server}/action`, { reboot: { type: 'HARD' } });
    assert.equal(reboot.status, 202, reboot.text);
    await new Promise((r) => setTimeout(r, 5));
    assert.equal((await call(w.url, alice, 'POST', `/compute/v2.1/servers/${server}/action`, { lock: null })).status, 202);
    const res = await call(w.url, alice, 'GET', actionsPath());
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.instanceActions.map((a: { action: string }) => a.action), ['lock', 'reboot', 'create']);
    const rebootAction = res.json.instanceActions[1];
    assert.equal(rebootAction.request_id, reboot.headers.get('x-openstack-request-id'));
    const recorded = w.kube.peek<InstanceAction>(Resources.InstanceAction, `${server}.${rebootAction.request_id}`, projectNamespace(w.ids.projects.demo));
    assert.equal(recorded?.metadata.ownerReferences, undefined, 'owned by no server: it outlives it (2.21)');
    assert.ok((recorded?.spec.serverGeneration ?? 0) > 1, 'the generation that holds the reboot');
  });

  it('When an admin shows the reboot, then its compute event is there, unfinished until the operator sees the server settle', async () => {
    const list = (await call(w.url, admin, 'GET', actionsPath())).json.instanceActions;
    const reboot = list.find((a: { action: string }) => a.action === 'reboot');
    const res = await call(w.url, admin, 'GET', `${actionsPath()}/${reboot.request_id}`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.instanceAction.events.map((e: { event: string; finish_time: null; result: null }) => [e.event, e.finish_time, e.result]), [['compute_reboot_instance', null, null]]);
    const lock = list.find((a: { action: string }) => a.action === 'lock');
    assert.deepEqual((await call(w.url, admin, 'GET', `${actionsPath()}/${lock.request_id}`)).json.instanceAction.events, [], 'lock is the API\'s alone');
  });

  const eventViews: [version: string, who: 'alice' | 'admin', events: boolean, traceback: boolean, hostKeys: string[]][] = [
    ['2.50', 'alice', false, false, []],
    ['2.50', 'admin', true, true, []],
    ['2.51', 'alice', true, false, []],
    ['2.51', 'admin', true, true, []],
    ['2.62', 'alice', true, false, ['hostId']],
    ['2.62', 'admin', true, true, ['host', 'hostId']],
  ];
  for (const [v, who, events, traceback, hostKeys] of eventViews) {
    it(`When ${who} shows the reboot at ${v}, then ${events ? `its events are there${traceback ? ' with their traceback' : ', without a traceback'}` : 'there are no events'}`, async () => {
      const list = (await call(w.url, admin, 'GET', actionsPath())).json.instanceActions;
      const reboot = list.find((a: { action: string }) => a.action === 'reboot');
      const res = await call(w.url, who === 'admin' ? admin : alice, 'GET', `${actionsPath()}/${reboot.request_id}`, undefined, { 'OpenStack-API-Version': `compute ${v}` });
      assert.equal(res.status, 200, res.text);
      assert.equal('events' in res.json.instanceAction, events);
      if (events) assert.equal('traceback' in res.json.instanceAction.events[0], traceback);
      if (events) assert.deepEqual(['host', 'hostId'].filter((k) => k in res.json.instanceAction.events[0]), hostKeys);
    });
  }

  it('When a refused action is asked, then nothing is recorded', async () => {
    const before = (await call(w.url, alice, 'GET', actionsPath())).json.instanceActions.length;
    const res = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${server}/action`, { resume: null });
    assert.equal(res.status, 409, res.text);
    assert.equal((await call(w.url, alice, 'GET', actionsPath())).json.instanceActions.length, before);
  });

  it('When an unknown request id or another project\'s server is asked, then 404', async () => {
    const unknown = await call(w.url, alice, 'GET', `${actionsPath()}/req-00000000-0000-0000-0000-000000000000`);
    assert.equal(unknown.status, 404, unknown.text);
    assert.match(unknown.json.itemNotFound.message, /Action req-0+-0000-0000-0000-0+ not found/);
    const theirs = (await call(w.url, admin, 'POST', '/compute/v2.1/servers', { server: { name: 'admins', flavorRef: '1', imageRef: IMAGE_ID } })).json.server.id;
    const other = await call(w.url, alice, 'GET', `/compute/v2.1/servers/${theirs}/os-instance-actions`);
    assert.equal(other.status, 404, other.text);
  });

  const mvs: [version: string, status: number, actions: string[] | undefined][] = [
    ['2.20', 404, undefined],
    ['2.21', 200, ['delete', 'create']],
  ];
  for (const [v, status, actions] of mvs) {
    it(`When a deleted server's actions are listed at ${v}, then ${status}${actions ? ` with ${actions.join(' and ')}` : ''}; another project's stay a 404`, async () => {
      const created = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: `gone-${v}`, flavorRef: '1', imageRef: IMAGE_ID } });
      const id = created.json.server.id;
      await new Promise((r) => setTimeout(r, 5));
      assert.equal((await call(w.url, alice, 'DELETE', `/compute/v2.1/servers/${id}`)).status, 204);
      // What the operator does once the Pod is gone: the finalizer goes, and with it the Server.
      await w.kube.mergePatch(Resources.Server, id, projectNamespace(w.ids.projects.demo), { metadata: { finalizers: null } });
      for (const end = Date.now() + 5_000; Date.now() < end && (await call(w.url, alice, 'GET', `/compute/v2.1/servers/${id}`)).status !== 404; ) await new Promise((r) => setTimeout(r, 10));
      const headers = { 'OpenStack-API-Version': `compute ${v}` };
      const res = await call(w.url, alice, 'GET', `/compute/v2.1/servers/${id}/os-instance-actions`, undefined, headers);
      assert.equal(res.status, status, res.text);
      if (actions) assert.deepEqual(res.json.instanceActions.map((a: { action: string }) => a.action), actions);
      const carolsView = await call(w.url, admin, 'GET', `/compute/v2.1/servers/${id}/os-instance-actions`, undefined, headers);
      assert.equal(carolsView.status, status, 'an admin sees any project\'s deleted server as its owner does');
      const never = await call(w.url, alice, 'GET', '/compute/v2.1/servers/00000000-0000-4000-8000-0000000000aa/os-instance-actions', undefined, headers);
      assert.equal(never.status, 404, 'a server never seen is unknown at any version');
    });
  }
});
