// os-stop and os-start through the whole app: the API records the wanted power state and shows
// the task at once; Nova's state checks give 409 (a task in progress, or the wrong vm_state).
// The operator's side (Pod deleted, SHUTOFF; Pod back, ACTIVE) is server.reconciler.test.ts's.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Server } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

type Shown = { status: string; 'OS-EXT-STS:task_state': string | null; 'OS-EXT-STS:vm_state': string };

describe('Nova power actions (os-stop, os-start)', () => {
  let w: AppWorld;
  let alice: string;
  let carol: string;
  let admin: string;
  let server: string;
  const action = (token: string, body: object): ReturnType<typeof call> => call(w.url, token, 'POST', `/compute/v2.1/servers/${server}/action`, body);
  const shown = async (): Promise<Shown> => (await call(w.url, alice, 'GET', `/compute/v2.1/servers/${server}`)).json.server;
  const stored = (): Server => w.kube.peek<Server>(Resources.Server, server, projectNamespace(w.ids.projects.demo))!;

  /** What the operator writes once the Pod is gone or back. */
  async function operatorReports(status: 'ACTIVE' | 'SHUTOFF'): Promise<void> {
    const vmState = status === 'ACTIVE' ? 'active' : 'stopped';
    await w.kube.replaceStatus(Resources.Server, { ...stored(), status: { ...stored().status, status, vmState, taskState: undefined } });
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      const s = await shown();
      if (s.status === status && s['OS-EXT-STS:task_state'] === null) return;
    }
    throw new Error(`the API never showed ${status} without a task`);
  }

  async function cacheSees(task: string): Promise<void> {
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await shown())['OS-EXT-STS:task_state'] === task) return;
    }
    throw new Error(`the API never showed task_state ${task}`);
  }

  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    carol = await w.login('carol', 'demo');
    admin = await w.login('admin', 'admin');
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } });
    assert.equal(res.status, 202, res.text);
    server = res.json.server.id;
  });
  after(() => w.close());

  it('When a building server is stopped, then 409 names its task_state', async () => {
    const res = await action(alice, { 'os-stop': null });
    assert.equal(res.status, 409, res.text);
    assert.match(res.json.conflictingRequest.message, /Cannot 'stop' instance .* while it is in task_state scheduling/);
  });

  it('When an active server is started, then 409 names its vm_state', async () => {
    await operatorReports('ACTIVE');
    const res = await action(alice, { 'os-start': null });
    assert.equal(res.status, 409, res.text);
    assert.match(res.json.conflictingRequest.message, /while it is in vm_state active/);
  });

  it('When an active server is stopped, then 202, the spec asks for Stopped and the view shows powering-off; a second stop is 409', async () => {
    const res = await action(alice, { 'os-stop': {} });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.text, '');
    assert.equal(stored().spec.powerState, 'Stopped');
    await cacheSees('powering-off');
    const again = await action(alice, { 'os-stop': null });
    assert.equal(again.status, 409, again.text);
    assert.match(again.json.conflictingRequest.message, /task_state powering-off/);
  });

  it('When the stopped server is started, then 202, the spec asks for Running and the view shows powering-on', async () => {
    await operatorReports('SHUTOFF');
    const res = await action(alice, { 'os-start': null });
    assert.equal(res.status, 202, res.text);
    assert.equal(stored().spec.powerState, 'Running');
    await cacheSees('powering-on');
  });

  it('When an unknown action is asked, a reader stops, or another project\'s member stops, then 400, 403 and 404, and nothing changes', async () => {
    await operatorReports('ACTIVE');
    const bad = await action(alice, { 'os-halt': null });
    assert.equal(bad.status, 400, bad.text);
    const reader = await action(carol, { 'os-stop': null });
    assert.equal(reader.status, 403, reader.text);
    assert.equal(stored().spec.powerState, 'Running');
    const theirs = (await call(w.url, admin, 'POST', '/compute/v2.1/servers', { server: { name: 'admins', flavorRef: '1', imageRef: IMAGE_ID } })).json.server.id;
    const other = await call(w.url, alice, 'POST', `/compute/v2.1/servers/${theirs}/action`, { 'os-stop': null });
    assert.equal(other.status, 404, other.text);
  });
});
