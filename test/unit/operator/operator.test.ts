import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import type { Project, Server } from '../../../crds/types.generated.js';
import { Resources } from '../../../crds/resources.js';
import type { EventV1, Lease, Namespace, Pod } from '../../../crds/kube-types.js';
import { startOperator, type RunningOperator } from '../../../operator/src/operator.js';
import { FakeKube } from '../../support/fake-kube.js';
import { flavor, image, node, NS, project, server, SERVER_ID, waitFor, withPodState } from './fixtures.js';

const FAST = { leaseDurationMs: 300, renewDeadlineMs: 200, retryPeriodMs: 30 };

function seedWorld(kube: FakeKube): void {
  kube.seed(Resources.Flavor, flavor());
  kube.seed(Resources.Image, image());
  kube.seed(Resources.Node, node('node-1', 'az1'));
  kube.seed(Resources.Project, project());
}

const getServer = (kube: FakeKube, name = SERVER_ID): Server | undefined => kube.peek<Server>(Resources.Server, name, NS);

async function runPodToActive(kube: FakeKube, name = SERVER_ID): Promise<void> {
  await waitFor(() => kube.peek(Resources.Pod, name, NS) !== undefined, 2000, 'the pod');
  const p = withPodState(kube.peek<Pod>(Resources.Pod, name, NS) as Pod, 'running');
  await kube.mergePatch(Resources.Pod, name, NS, { spec: p.spec, status: p.status });
  await waitFor(() => getServer(kube, name)?.status?.status === 'ACTIVE', 2000, 'ACTIVE');
}

describe('startOperator', () => {
  const running: RunningOperator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((op) => op.stop()));
  });

  async function start(kube: FakeKube, identity: string, registry = new Registry()): Promise<RunningOperator> {
    const op = await startOperator({ kube, metrics: registry, identity, leaseNamespace: 'openstack-sim-system', leaseTimings: FAST, workers: 2 });
    running.push(op);
    return op;
  }

  it('When a server is created, then the operator builds its pod, reports ACTIVE once it runs, and cleans up on delete', async () => {
    const kube = new FakeKube();
    seedWorld(kube);
    const registry = new Registry();
    const op = await start(kube, 'op-1', registry);
    await op.ready;
    await op.leading;
    kube.seed(Resources.Server, server());
    await runPodToActive(kube);
    const st = getServer(kube)?.status;
    assert.equal(st?.host, 'node-1');
    assert.equal(st?.availabilityZone, 'az1');

    await waitFor(() => kube.peek<Project>(Resources.Project, 'p1')?.status?.namespace === 'os-p1', 2000, 'project status');
    assert.ok(kube.peek<Namespace>(Resources.Namespace, 'os-p1'), 'the project namespace exists');

    await kube.delete(Resources.Server, SERVER_ID, NS);
    await waitFor(() => getServer(kube) === undefined, 2000, 'the server to go');
    assert.equal(kube.peek(Resources.Pod, SERVER_ID, NS), undefined);

    const metrics = await registry.metrics();
    assert.match(metrics, /openstack_sim_reconcile_total\{controller="server",result="success"\} [1-9]/);
    assert.match(metrics, /openstack_sim_leader_election_master_status\{name="openstack-sim-operator"\} 1/);
  });

  it('When the operator runs, then it records events.k8s.io Events about its actions', async () => {
    const kube = new FakeKube();
    seedWorld(kube);
    const op = await start(kube, 'op-1');
    await op.leading;
    kube.seed(Resources.Server, server());
    await runPodToActive(kube);
    await waitFor(() => kube.actions.some((a) => a.verb === 'create' && a.kind === 'Event'), 1000, 'an event');
    const { items } = await kube.list<EventV1>(Resources.Event, { namespace: NS });
    const created = items.find((e) => e.reason === 'CreatedPod');
    assert.equal(created?.reportingController, 'openstack-sim-operator');
    assert.equal(created?.reportingInstance, 'op-1');
    assert.equal(created?.regarding?.kind, 'Server');
    assert.equal(created?.regarding?.name, SERVER_ID);
  });

  it('When two replicas run, then only the leader reconciles, and the other takes over when it stops', async () => {
    const kube = new FakeKube();
    seedWorld(kube);
    const a = await start(kube, 'a');
    await a.leading;
    const b = await start(kube, 'b');
    await b.ready;
    assert.equal(b.isLeader(), false);

    await a.stop();
    running.splice(running.indexOf(a), 1);
    await b.leading;
    assert.equal(kube.peek<Lease>(Resources.Lease, 'openstack-sim-operator', 'openstack-sim-system')?.spec?.holderIdentity, 'b');
    kube.seed(Resources.Server, server());
    await runPodToActive(kube);
  });

  it('When a new leader starts, then it resyncs servers that were created while nobody led', async () => {
    const kube = new FakeKube();
    seedWorld(kube);
    kube.seed(Resources.Server, server());
    const op = await start(kube, 'late');
    await op.leading;
    await runPodToActive(kube);
  });

  it('When leader election is off, then the controllers start at once', async () => {
    const kube = new FakeKube();
    seedWorld(kube);
    const op = await startOperator({ kube, metrics: new Registry(), leaseNamespace: 'x', leaderElection: false });
    running.push(op);
    await op.leading;
    assert.equal(op.isLeader(), true);
    kube.seed(Resources.Server, server());
    await runPodToActive(kube);
    assert.equal(kube.peek(Resources.Lease, 'openstack-sim-operator', 'x'), undefined, 'no lease is used');
  });

  it('When a server waits in ERROR for a missing flavor, then creating the flavor builds it', async () => {
    const kube = new FakeKube();
    kube.seed(Resources.Image, image());
    kube.seed(Resources.Node, node());
    kube.seed(Resources.Project, project());
    kube.seed(Resources.Server, server({ flavorRef: 'later' }));
    const op = await start(kube, 'op-1');
    await op.leading;
    await waitFor(() => getServer(kube)?.status?.status === 'ERROR', 2000, 'ERROR');
    kube.seed(Resources.Flavor, flavor('later'));
    await runPodToActive(kube);
    assert.equal(getServer(kube)?.status?.fault, undefined);
  });
});
