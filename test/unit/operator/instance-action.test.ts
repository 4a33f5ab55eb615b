// When an instance action's compute event finishes: a table over the server's state, then the
// reconciler's writes.
import assert from 'node:assert/strict';
import type { InstanceAction, Server, ServerStatus } from '../../../crds/types.generated.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import { Informer } from '../../../crds/client/informer.js';
import { computeActionStatus } from '../../../operator/src/controllers/instance-action/instance-action.status.js';
import { InstanceActionReconciler } from '../../../operator/src/controllers/instance-action/instance-action.reconciler.js';
import { FakeKube } from '../../support/fake-kube.js';
import { LATER, MemoryRecorder, NOW, NS, server, SERVER_ID } from './fixtures.js';

const REQUEST = 'req-11111111-2222-3333-4444-555555555555';
const NAME = `${SERVER_ID}.${REQUEST}`;

function action(name: string, serverGeneration: number, status?: InstanceAction['status']): InstanceAction {
  return {
    apiVersion: API_VERSION, kind: 'InstanceAction',
    metadata: { name: NAME, namespace: NS, generation: 1 },
    spec: { action: name, serverId: SERVER_ID, serverGeneration, requestId: REQUEST, userId: 'u1', projectId: 'p1', startTime: '2024-05-01T09:59:00Z' },
    ...(status ? { status } : {}),
  };
}

const at = (generation: number, status: ServerStatus, meta: Partial<Server['metadata']> = {}): Server => ({ ...server({}, { generation, ...meta }), status: { observedGeneration: generation, ...status } });
const active: ServerStatus = { status: 'ACTIVE', vmState: 'active' };
const done = { finishTime: '2024-05-01T10:00:00Z', result: 'Success' as const };

const resizedFalse = (generation: number) => ({ type: 'Resized', status: 'False' as const, reason: 'NoValidHost', message: 'No valid host', lastTransitionTime: '2024-05-01T09:59:00Z', observedGeneration: generation });

const cases: { name: string; action: InstanceAction; server?: Server; want: InstanceAction['status'] }[] = [
  { name: 'When the server has settled ACTIVE at the action\'s generation, then Success', action: action('reboot', 3), server: at(3, active), want: done },
  { name: 'When the server settled in ERROR, then Error', action: action('create', 1), server: at(1, { status: 'ERROR', vmState: 'error' }), want: { ...done, result: 'Error' } },
  { name: 'When the operator has not observed the action\'s generation yet, then unfinished (an old ACTIVE is no answer)', action: action('reboot', 3), server: { ...at(3, active), status: { ...active, observedGeneration: 2 } }, want: undefined },
  { name: 'When the server still reboots, then unfinished', action: action('reboot', 3), server: at(3, { status: 'HARD_REBOOT', vmState: 'active', taskState: 'reboot_started_hard' }), want: undefined },
  { name: 'When the server still powers off, then unfinished', action: action('stop', 2), server: at(2, { status: 'ACTIVE', vmState: 'active', taskState: 'powering-off' }), want: undefined },
  { name: 'When the server is SHUTOFF with no task, then the stop is done', action: action('stop', 2), server: at(2, { status: 'SHUTOFF', vmState: 'stopped' }), want: done },
  { name: 'When the server is still building, then the create is unfinished', action: action('create', 1), server: at(1, { status: 'BUILD', vmState: 'building', taskState: 'spawning' }), want: undefined },
  { name: 'When the server is being deleted, then unfinished', action: action('pause', 2), server: at(2, active, { deletionTimestamp: '2024-05-01T09:59:30Z' }), want: undefined },
  { name: 'When the server is gone, then unfinished', action: action('pause', 2), want: undefined },
  { name: 'When the server of a delete is gone, then the delete is done', action: action('delete', 2), want: done },
  { name: 'When the server of a delete is still there (finalizing), then unfinished', action: action('delete', 2), server: at(2, active, { deletionTimestamp: '2024-05-01T09:59:30Z' }), want: undefined },
  { name: 'When the action has no compute event (lock), then it gets no status', action: action('lock', 2), server: at(2, active), want: undefined },
  { name: 'When a resize was rolled back (Resized=False at or after the action), then Error though the server is ACTIVE', action: action('resize', 3), server: at(4, { ...active, conditions: [resizedFalse(4)] }), want: { ...done, result: 'Error' } },
  { name: 'When an earlier resize was rolled back but this one went through, then Success', action: action('resize', 6), server: at(7, { ...active, conditions: [resizedFalse(4)] }), want: done },
  { name: 'When the action was finished before, then it keeps its finish', action: action('reboot', 2, { finishTime: '2024-05-01T09:59:50Z', result: 'Success' }), server: at(2, { status: 'ERROR' }), want: { finishTime: '2024-05-01T09:59:50Z', result: 'Success' } },
];

describe('computeActionStatus', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(computeActionStatus(c.action, c.server, NOW), c.want));
});

describe('InstanceActionReconciler', () => {
  it('When the server settles, then the action\'s status is written once; a later pass writes nothing', async () => {
    const kube = new FakeKube();
    kube.seed(Resources.InstanceAction, action('reboot', 2));
    kube.seed(Resources.Server, at(2, { status: 'REBOOT', vmState: 'active', taskState: 'reboot_started' }));
    const instanceActions = new Informer<InstanceAction>(kube, Resources.InstanceAction);
    const servers = new Informer<Server>(kube, Resources.Server);
    await Promise.all([instanceActions.start(), servers.start()]);
    after(() => [instanceActions, servers].forEach((i) => i.stop()));
    let now = NOW;
    const r = new InstanceActionReconciler({ kube, instanceActions, servers, events: new MemoryRecorder(), now: () => now });
    const key = `${NS}/${NAME}`;
    const writes = (): string[] => kube.actions.splice(0).filter((a) => a.verb !== 'get' && a.verb !== 'list').map((a) => `${a.verb} ${a.kind}`);
    kube.actions.length = 0;
    await r.reconcile(key);
    assert.deepEqual(writes(), [], 'still rebooting');
    const stored = kube.peek<Server>(Resources.Server, SERVER_ID, NS)!;
    await kube.replaceStatus(Resources.Server, { ...stored, status: at(2, active).status });
    await new Promise((res) => setTimeout(res, 20));
    writes();
    await r.reconcile(key);
    assert.deepEqual(writes(), ['replaceStatus InstanceAction']);
    assert.deepEqual(kube.peek<InstanceAction>(Resources.InstanceAction, NAME, NS)?.status, done);
    now = LATER;
    await new Promise((res) => setTimeout(res, 20));
    await r.reconcile(key);
    assert.deepEqual(writes(), [], 'finished stays finished');
  });
});
