// Server-side apply of the child objects: drift in what the operator owns is put back, a pass over
// an unchanged world sends nothing, and a Pod's immutable spec is never part of the apply.
import assert from 'node:assert/strict';
import type { Project } from '../../../crds/types.generated.js';
import type { ObjectMeta } from '../../../crds/kube-object.js';
import { Informer } from '../../../crds/client/informer.js';
import { FINALIZER, MANAGED_BY_LABEL, PROJECT_LABEL } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import type { Namespace, Pod } from '../../../crds/kube-types.js';
import { CACHES } from '../../../operator/src/controllers/caches.js';
import { ProjectReconciler } from '../../../operator/src/controllers/project/project.reconciler.js';
import { ServerReconciler } from '../../../operator/src/controllers/server/server.reconciler.js';
import type { ObjectCache } from '../../../operator/src/runtime/objects.js';
import { ANNOTATION_SERVER_NAME, desiredPodMetadata } from '../../../operator/src/controllers/server/server.resources.js';
import { metadataApplyConfig, metadataDrifted } from '../../../operator/src/runtime/apply.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW, NS, pod, project, projectNs, server, SERVER_ID } from './fixtures.js';
import { KEY, seedBasics, world } from './server-world.js';

const PSA_ENFORCE = 'pod-security.kubernetes.io/enforce';

describe('metadataDrifted', () => {
  const want = desiredPodMetadata(server());
  const without = (change: (m: ObjectMeta) => void): ObjectMeta => {
    const m = structuredClone(want);
    change(m);
    return m;
  };
  const cases: { name: string; observed: ObjectMeta; drifted: boolean }[] = [
    { name: 'everything we set is there', observed: want, drifted: false },
    { name: 'others added a label and an annotation', observed: without((m) => Object.assign(m.labels ?? {}, { team: 'x' })), drifted: false },
    { name: 'a label we set was removed', observed: without((m) => delete m.labels?.[PROJECT_LABEL]), drifted: true },
    { name: 'a label we set was changed', observed: without((m) => Object.assign(m.labels ?? {}, { [MANAGED_BY_LABEL]: 'helm' })), drifted: true },
    { name: 'an annotation we set was removed', observed: without((m) => delete m.annotations?.[ANNOTATION_SERVER_NAME]), drifted: true },
    { name: 'our controller reference was removed', observed: without((m) => (m.ownerReferences = [])), drifted: true },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then drift is ${c.drifted ? '' : 'not '}reported`, () => assert.equal(metadataDrifted(want, c.observed), c.drifted));
  }

  it('When the apply configuration is built for a Pod, then it holds owned metadata only (no spec to fight)', () => {
    const cfg = metadataApplyConfig(Resources.Pod, pod(server(), 'running'));
    assert.deepEqual(Object.keys(cfg).sort(), ['apiVersion', 'kind', 'metadata']);
    assert.deepEqual(Object.keys(cfg.metadata).sort(), ['annotations', 'labels', 'name', 'namespace', 'ownerReferences']);
  });
});

describe('Pod drift', () => {
  const running = (k: FakeKube): void => {
    seedBasics(k);
    k.seed(Resources.Pod, pod(k.seed(Resources.Server, server({}, { finalizers: [FINALIZER] })), 'running'));
  };

  it('When someone removes a label and an annotation we set on the pod, then apply puts them back and leaves the spec alone', async () => {
    const w = await world(running);
    await w.r.reconcile(KEY);
    const before = w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS) as Pod;
    await w.kube.mergePatch(Resources.Pod, SERVER_ID, NS, { metadata: { labels: { [PROJECT_LABEL]: null }, annotations: { [ANNOTATION_SERVER_NAME]: null } } });
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`apply Pod ${KEY}`]);
    const after = w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS) as Pod;
    assert.equal(after.metadata.labels?.[PROJECT_LABEL], 'p1');
    assert.equal(after.metadata.annotations?.[ANNOTATION_SERVER_NAME], 'vm1');
    assert.deepEqual(after.spec, before.spec);
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [], 'no drift, no apply');
  });

  it('When the managed-by label is removed (the pod drops out of the cache), then create finds it is ours and apply restores it', async () => {
    const w = await world(running);
    // The pod cache selects on managed-by, as the apiserver's watch does (FakeKube's does not filter).
    const selected: ObjectCache<Pod> = {
      get: (name, namespace) => [w.kube.peek<Pod>(Resources.Pod, name, namespace)].find((p) => p?.metadata.labels?.[MANAGED_BY_LABEL]),
      list: () => [],
    };
    const r = new ServerReconciler({ ...w.deps, pods: selected });
    await r.reconcile(KEY);
    await w.kube.mergePatch(Resources.Pod, SERVER_ID, NS, { metadata: { labels: { [MANAGED_BY_LABEL]: null } } });
    w.actions();
    await r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create Pod ${KEY}`, `get Pod ${KEY}`, `apply Pod ${KEY}`]);
    assert.equal(w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS)?.metadata.labels?.[MANAGED_BY_LABEL], 'openstack-sim');
    assert.deepEqual(w.events.reasons, [], 'the pod was not re-created: no CreatedPod');
  });
});

describe('Namespace drift', () => {
  async function projectWorld(ns: Namespace) {
    const kube = new FakeKube();
    kube.seed(Resources.Project, project());
    kube.seed(Resources.Namespace, ns);
    const projects = new Informer<Project>(kube, Resources.Project);
    const namespaces = new Informer<Namespace>(kube, Resources.Namespace, CACHES.namespaces.selector);
    await Promise.all([projects.start(), namespaces.start()]);
    after(() => [projects, namespaces].forEach((i) => i.stop()));
    const r = new ProjectReconciler({ kube, projects, namespaces, events: new MemoryRecorder(), now: () => NOW });
    kube.actions.length = 0;
    return { kube, r, actions: (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`) };
  }

  it('When the Pod Security label of a project namespace is removed, then apply puts it back', async () => {
    const ns = projectNs();
    delete ns.metadata.labels?.[PSA_ENFORCE];
    const w = await projectWorld(ns);
    await w.r.reconcile('p1');
    assert.deepEqual(w.actions(), ['apply Namespace os-p1', 'replaceStatus Project p1']);
    assert.equal(w.kube.peek<Namespace>(Resources.Namespace, 'os-p1')?.metadata.labels?.[PSA_ENFORCE], 'restricted');
    await w.r.reconcile('p1');
    assert.deepEqual(w.actions(), []);
  });

  it('When a namespace made before Pod Security labels (and without managed-by) is ours, then apply brings it up to date', async () => {
    const ns = projectNs();
    ns.metadata.labels = { [PROJECT_LABEL]: 'p1' };
    const w = await projectWorld(ns);
    await w.r.reconcile('p1');
    assert.deepEqual(w.actions(), ['create Namespace os-p1', 'get Namespace os-p1', 'apply Namespace os-p1', 'replaceStatus Project p1']);
    const labels = w.kube.peek<Namespace>(Resources.Namespace, 'os-p1')?.metadata.labels;
    assert.equal(labels?.[MANAGED_BY_LABEL], 'openstack-sim');
    assert.equal(labels?.[PSA_ENFORCE], 'restricted');
  });
});
