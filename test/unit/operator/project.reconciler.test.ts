import assert from 'node:assert/strict';
import type { Project } from '../../../crds/types.generated.js';
import { ProjectReconciler } from '../../../operator/src/controllers/project/project.reconciler.js';
import { desiredNamespace } from '../../../operator/src/controllers/project/project.resources.js';
import { computeProjectStatus } from '../../../operator/src/controllers/project/project.status.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import type { Namespace } from '../../../crds/kube-types.js';
import { FakeKube } from '../../support/fake-kube.js';
import { LATER, MemoryRecorder, NOW, project } from './fixtures.js';

async function world(seed: (kube: FakeKube) => void) {
  const kube = new FakeKube();
  seed(kube);
  const projects = new Informer<Project>(kube, Resources.Project);
  const namespaces = new Informer<Namespace>(kube, Resources.Namespace, { labelSelector: 'app.kubernetes.io/managed-by=openstack-sim' });
  await Promise.all([projects.start(), namespaces.start()]);
  const events = new MemoryRecorder();
  const r = new ProjectReconciler({ kube, projects, namespaces, events, now: () => NOW });
  kube.actions.length = 0;
  after(() => [projects, namespaces].forEach((i) => i.stop()));
  return {
    kube,
    r,
    events,
    actions: (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`),
    stored: (): Project | undefined => kube.peek<Project>(Resources.Project, 'p1'),
  };
}

describe('desiredNamespace', () => {
  it('When built, then it is os-<id>, labelled (Pod Security restricted enforced, warned and audited), and controlled by the project', () => {
    const ns = desiredNamespace(project());
    assert.equal(ns.metadata.name, 'os-p1');
    assert.deepEqual(ns.metadata.labels, {
      'app.kubernetes.io/managed-by': 'openstack-sim',
      'openstack.sim/project-id': 'p1',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'latest',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/audit-version': 'latest',
    });
    assert.deepEqual(ns.metadata.ownerReferences, [
      { apiVersion: API_VERSION, kind: 'Project', name: 'p1', uid: 'uid-p1', controller: true, blockOwnerDeletion: true },
    ]);
  });
});

describe('computeProjectStatus', () => {
  const owned = desiredNamespace(project());
  const cases: { name: string; ns: Namespace | undefined; want: [string, string] }[] = [
    { name: 'When the namespace does not exist, then Ready=False NamespacePending', ns: undefined, want: ['False', 'NamespacePending'] },
    { name: 'When the namespace is Active, then Ready=True', ns: { ...owned, status: { phase: 'Active' } }, want: ['True', 'NamespaceActive'] },
    { name: 'When the namespace is terminating, then Ready=False NamespaceTerminating', ns: { ...owned, status: { phase: 'Terminating' } }, want: ['False', 'NamespaceTerminating'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const st = computeProjectStatus(project(), c.ns, NOW);
      const ready = findCondition(st.conditions, 'Ready');
      assert.deepEqual([ready?.status, ready?.reason], c.want);
      assert.equal(st.namespace, 'os-p1');
      assert.equal(st.observedGeneration, 1);
    });
  }

  it('When recomputed later over the same namespace, then nothing changes', () => {
    const ns: Namespace = { ...owned, status: { phase: 'Active' } };
    const first = computeProjectStatus(project(), ns, NOW);
    assert.deepEqual(computeProjectStatus({ ...project(), status: first }, ns, LATER), first);
  });
});

describe('ProjectReconciler', () => {
  it('When a project is new, then its namespace is created and the status names it', async () => {
    const w = await world((k) => k.seed(Resources.Project, project()));
    assert.deepEqual(await w.r.reconcile('p1'), {});
    assert.deepEqual(w.actions(), ['create Namespace os-p1', 'replaceStatus Project p1']);
    assert.equal(w.stored()?.status?.namespace, 'os-p1');
    assert.deepEqual(w.events.reasons, ['CreatedNamespace']);
  });

  it('When the namespace turns Active, then Ready=True is written once and a further pass writes nothing', async () => {
    const w = await world((k) => k.seed(Resources.Project, project()));
    await w.r.reconcile('p1');
    await w.kube.mergePatch(Resources.Namespace, 'os-p1', undefined, { status: { phase: 'Active' } });
    w.actions();
    await w.r.reconcile('p1');
    assert.deepEqual(w.actions(), ['replaceStatus Project p1']);
    assert.equal(findCondition(w.stored()?.status?.conditions, 'Ready')?.status, 'True');
    await w.r.reconcile('p1');
    assert.deepEqual(w.actions(), []);
  });

  it('When the namespace exists but belongs to someone else, then it is not adopted and the project reports the conflict', async () => {
    const w = await world((k) => {
      k.seed(Resources.Project, project());
      k.seed<Namespace>(Resources.Namespace, { metadata: { name: 'os-p1' }, status: { phase: 'Active' } });
    });
    await assert.rejects(w.r.reconcile('p1'), TerminalError);
    assert.deepEqual(w.actions(), ['create Namespace os-p1', 'get Namespace os-p1', 'replaceStatus Project p1']);
    assert.equal(findCondition(w.stored()?.status?.conditions, 'Ready')?.reason, 'NamespaceConflict');
    assert.deepEqual(w.events.reasons, ['CannotAdoptNamespace']);
  });

  it('When the project is gone or being deleted, then nothing is done (garbage collection removes the namespace)', async () => {
    const w = await world((k) => k.seed(Resources.Project, { ...project(), metadata: { ...project().metadata, deletionTimestamp: 'x', finalizers: ['other'] } }));
    assert.deepEqual(await w.r.reconcile('p1'), {});
    assert.deepEqual(await w.r.reconcile('p2'), {});
    assert.deepEqual(w.actions(), []);
  });
});
