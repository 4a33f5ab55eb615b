import assert from 'node:assert/strict';
import type { Server, ServerStatus } from '../../../crds/types.generated.js';
import { transitionEvents } from '../../../operator/src/controllers/server/server.events.js';
import { macAddress } from '../../../operator/src/controllers/server/server.resources.js';
import {
  computeServerStatus,
  deletingStatus,
  NO_VALID_HOST,
  problemStatus,
  Reason,
} from '../../../operator/src/controllers/server/server.status.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import type { Node, Pod } from '../../../crds/kube-types.js';
import { LATER, node, NOW, pod, server, SERVER_ID } from './fixtures.js';

type Want = Pick<ServerStatus, 'status' | 'vmState' | 'taskState' | 'powerState'> & { ready: string; readyStatus?: string };

interface Case {
  name: string;
  server?: Server;
  pod?: (s: Server) => Pod | undefined;
  node?: Node;
  want: Want;
  check?: (st: ServerStatus) => void;
}

const activeBefore: ServerStatus = { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', launchedAt: '2024-04-01T00:00:00Z', host: 'node-1' };
const stoppedBefore: ServerStatus = { status: 'SHUTOFF', vmState: 'stopped', taskState: undefined, powerState: 'SHUTDOWN', launchedAt: '2024-04-01T00:00:00Z', host: 'node-1', addresses: { private: [{ version: 4, addr: '10.0.1.7' }] }, networks: 'private=10.0.1.7' };

const cases: Case[] = [
  {
    name: 'When there is no pod yet, then BUILD/building/scheduling with no power state',
    pod: () => undefined,
    want: { status: 'BUILD', vmState: 'building', taskState: 'scheduling', powerState: 'NOSTATE', ready: Reason.PodPending },
  },
  {
    name: 'When the pod is pending and not scheduled, then BUILD/scheduling',
    pod: (s) => pod(s, 'pending'),
    want: { status: 'BUILD', vmState: 'building', taskState: 'scheduling', powerState: 'NOSTATE', ready: Reason.PodPending },
  },
  {
    name: 'When the pod is scheduled but not ready, then BUILD/spawning on that host',
    pod: (s) => pod(s, 'scheduled'),
    want: { status: 'BUILD', vmState: 'building', taskState: 'spawning', powerState: 'NOSTATE', ready: Reason.PodPending },
    check: (st) => assert.equal(st.host, 'node-1'),
  },
  {
    name: 'When the scheduler finds no node, then ERROR with Nova\'s "No valid host" fault and the scheduler\'s message',
    pod: (s) => pod(s, 'unschedulable'),
    want: { status: 'ERROR', vmState: 'error', taskState: undefined, powerState: 'NOSTATE', ready: Reason.Unschedulable },
    check: (st) => {
      assert.equal(st.fault?.code, 500);
      assert.equal(st.fault?.message, NO_VALID_HOST);
      assert.equal(st.fault?.details, '0/3 nodes are available: 3 Insufficient cpu.');
      assert.equal(st.fault?.created, '2024-05-01T10:00:00Z');
    },
  },
  {
    name: 'When the pod is running and ready, then ACTIVE/RUNNING with host, zone, addresses and launch time',
    pod: (s) => pod(s, 'running'),
    node: node('node-1', 'az1'),
    want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, readyStatus: 'True' },
    check: (st) => {
      assert.equal(st.host, 'node-1');
      assert.equal(st.hypervisorHostname, 'node-1');
      assert.equal(st.availabilityZone, 'az1');
      assert.equal(st.launchedAt, '2024-05-01T10:00:00Z');
      assert.equal(st.podName, SERVER_ID);
      assert.equal(st.instanceName, 'instance-6f0c7a4e');
      assert.deepEqual(st.addresses, { private: [{ version: 4, addr: '10.0.1.7', type: 'fixed', macAddr: macAddress(SERVER_ID) }] });
      assert.equal(st.networks, 'private=10.0.1.7');
      assert.equal(st.fault, undefined);
    },
  },
  {
    name: 'When the node has no zone label, then the zone is Nova\'s default',
    pod: (s) => pod(s, 'running'),
    node: node('node-1'),
    want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, readyStatus: 'True' },
    check: (st) => assert.equal(st.availabilityZone, 'nova'),
  },
  {
    name: 'When the server was already ACTIVE, then its first launch time is kept',
    server: { ...server(), status: activeBefore },
    pod: (s) => pod(s, 'running'),
    want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, readyStatus: 'True' },
    check: (st) => assert.equal(st.launchedAt, '2024-04-01T00:00:00Z'),
  },
  {
    name: 'When the network mode is none, then there are no addresses',
    server: server({ networkMode: 'none' }),
    pod: (s) => pod(s, 'running'),
    want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, readyStatus: 'True' },
    check: (st) => assert.equal(st.addresses, undefined),
  },
  {
    name: 'When the pod failed, then ERROR/CRASHED with the eviction as the fault details',
    pod: (s) => pod(s, 'failed'),
    want: { status: 'ERROR', vmState: 'error', taskState: undefined, powerState: 'CRASHED', ready: Reason.PodFailed },
    check: (st) => assert.match(st.fault?.details ?? '', /Evicted/),
  },
  {
    name: 'When a launched server\'s pod is running but not ready, then ACTIVE with power state CRASHED',
    server: { ...server(), status: activeBefore },
    pod: (s) => ({ ...pod(s, 'running'), status: { phase: 'Running', podIP: '10.0.1.7', conditions: [{ type: 'Ready', status: 'False' }] } }),
    want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'CRASHED', ready: Reason.PodNotReady },
  },
  {
    name: 'When a running server\'s pod is being deleted by someone else, then back to BUILD without host or addresses',
    server: { ...server(), status: activeBefore },
    pod: (s) => ({ ...pod(s, 'running'), metadata: { ...pod(s).metadata, deletionTimestamp: '2024-05-01T09:59:00Z' } }),
    want: { status: 'BUILD', vmState: 'building', taskState: 'scheduling', powerState: 'NOSTATE', ready: Reason.PodPending },
    check: (st) => {
      assert.equal(st.host, undefined);
      assert.equal(st.addresses, undefined);
      assert.equal(st.launchedAt, '2024-04-01T00:00:00Z');
    },
  },
  {
    name: 'When a stop is requested and the pod still exists, then ACTIVE/powering-off',
    server: { ...server({ powerState: 'Stopped' }), status: activeBefore },
    pod: (s) => pod(s, 'running'),
    want: { status: 'ACTIVE', vmState: 'active', taskState: 'powering-off', powerState: 'RUNNING', ready: Reason.Stopping },
  },
  {
    name: 'When a stop is requested and the pod is terminating, then ACTIVE/powering-off, still on its host',
    server: { ...server({ powerState: 'Stopped' }), status: { ...activeBefore, addresses: stoppedBefore.addresses, networks: stoppedBefore.networks } },
    pod: (s) => ({ ...pod(s, 'running'), metadata: { ...pod(s, 'running').metadata, deletionTimestamp: '2024-05-01T09:59:59Z' } }),
    want: { status: 'ACTIVE', vmState: 'active', taskState: 'powering-off', powerState: 'RUNNING', ready: Reason.Stopping },
    check: (st) => {
      assert.equal(st.host, 'node-1');
      assert.equal(st.networks, 'private=10.0.1.7');
    },
  },
  {
    name: 'When a stopped server is started and its pod is not made yet, then SHUTOFF/powering-on, still on its host',
    server: { ...server({ powerState: 'Running' }), status: stoppedBefore },
    pod: () => undefined,
    want: { status: 'SHUTOFF', vmState: 'stopped', taskState: 'powering-on', powerState: 'SHUTDOWN', ready: Reason.PodPending },
    check: (st) => assert.equal(st.host, 'node-1'),
  },
  {
    name: 'When a stopped server has no pod, then SHUTOFF/stopped/SHUTDOWN keeping its host and addresses',
    server: { ...server({ powerState: 'Stopped' }), status: activeBefore },
    pod: () => undefined,
    want: { status: 'SHUTOFF', vmState: 'stopped', taskState: undefined, powerState: 'SHUTDOWN', ready: Reason.Stopped },
    check: (st) => assert.equal(st.host, 'node-1'),
  },
  {
    name: 'When a stopped server is started and its pod is pending, then SHUTOFF/powering-on',
    server: { ...server({ powerState: 'Running' }), status: stoppedBefore },
    pod: (s) => pod(s, 'scheduled'),
    want: { status: 'SHUTOFF', vmState: 'stopped', taskState: 'powering-on', powerState: 'SHUTDOWN', ready: Reason.PodPending },
  },
  {
    name: 'When the server is being deleted, then everything stays as it was with task_state deleting',
    server: { ...server({}, { deletionTimestamp: '2024-05-01T09:59:00Z' }), status: activeBefore },
    pod: (s) => pod(s, 'running'),
    want: { status: 'ACTIVE', vmState: 'active', taskState: 'deleting', powerState: 'RUNNING', ready: Reason.Deleting },
    check: (st) => assert.equal(st.host, 'node-1'),
  },
];

describe('computeServerStatus', () => {
  for (const c of cases) {
    it(c.name, () => {
      const s = c.server ?? server();
      const before = structuredClone(s);
      const st = computeServerStatus(s, { pod: c.pod?.(s), node: c.node }, NOW);
      const { status, vmState, taskState, powerState } = st;
      const ready = findCondition(st.conditions, 'Ready');
      assert.deepEqual(
        { status, vmState, taskState, powerState, ready: ready?.reason, readyStatus: ready?.status },
        { readyStatus: 'False', ...c.want },
      );
      assert.equal(st.observedGeneration, 1);
      assert.deepEqual(s, before, 'the server is not mutated');
      c.check?.(st);
    });
  }

  it('When computed twice at different times over the same world, then the results are equal (no churn)', () => {
    const s = server();
    const p = pod(s, 'running');
    const first = computeServerStatus(s, { pod: p, node: node() }, NOW);
    const second = computeServerStatus({ ...s, status: first }, { pod: p, node: node() }, LATER);
    assert.deepEqual(second, first);
  });

  it('When the server is Synced, then the Synced condition is True with ReconcileSuccess', () => {
    const st = computeServerStatus(server(), {}, NOW);
    assert.equal(findCondition(st.conditions, 'Synced')?.reason, Reason.ReconcileSuccess);
  });
});

describe('problemStatus', () => {
  it('When the flavor is missing, then ERROR with a Nova-style fault and Synced=False', () => {
    const st = problemStatus(server(), { reason: Reason.FlavorNotFound, code: 400, message: 'Flavor f1 could not be found.' }, NOW);
    assert.equal(st.status, 'ERROR');
    assert.deepEqual(st.fault, { code: 400, message: 'Flavor f1 could not be found.', created: '2024-05-01T10:00:00Z' });
    assert.equal(findCondition(st.conditions, 'Ready')?.reason, Reason.FlavorNotFound);
    assert.equal(findCondition(st.conditions, 'Synced')?.status, 'False');
  });

  it('When the same fault is seen again later, then its creation time is kept', () => {
    const problem = { reason: Reason.FlavorNotFound, code: 400, message: 'Flavor f1 could not be found.' };
    const first = problemStatus(server(), problem, NOW);
    const again = problemStatus({ ...server(), status: first }, problem, LATER);
    assert.equal(again.fault?.created, first.fault?.created);
  });

  it('When a server without status is deleted, then it shows BUILD with task_state deleting', () => {
    const st = deletingStatus(server({}, { deletionTimestamp: 'x' }), NOW);
    assert.equal(st.status, 'BUILD');
    assert.equal(st.taskState, 'deleting');
  });
});

describe('transitionEvents', () => {
  const active = computeServerStatus(server(), { pod: pod(server(), 'running'), node: node() }, NOW);
  const building = computeServerStatus(server(), {}, NOW);
  const error = computeServerStatus(server(), { pod: pod(server(), 'unschedulable') }, NOW);
  const cases: { name: string; prev: ServerStatus | undefined; next: ServerStatus; want: string[] }[] = [
    { name: 'When a server becomes ACTIVE, then nothing (the Ready condition tells it)', prev: building, next: active, want: [] },
    { name: 'When an ERROR server becomes ACTIVE, then nothing', prev: error, next: active, want: [] },
    { name: 'When an ACTIVE server stays ACTIVE, then nothing', prev: active, next: active, want: [] },
    { name: 'When a server goes into ERROR, then ServerError', prev: building, next: error, want: ['ServerError'] },
    { name: 'When an ERROR stays the same, then nothing', prev: error, next: error, want: [] },
    { name: 'When a new server starts building, then nothing', prev: undefined, next: building, want: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(transitionEvents(c.prev, c.next).map((e) => e.reason), c.want));
});
