// Tenant isolation: project namespaces enforce Pod Security, tenant Pods meet that level, and a
// Server outside a project's namespace is never realized.
import assert from 'node:assert/strict';
import type { Project } from '../../../crds/types.generated.js';
import { PROJECT_LABEL } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import type { Namespace, Pod } from '../../../crds/kube-types.js';
import { desiredNamespace } from '../../../operator/src/controllers/project/project.resources.js';
import { desiredPod } from '../../../operator/src/controllers/server/server.resources.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import { FakeKube } from '../../support/fake-kube.js';
import { flavor, image, NS, project, projectNs, server } from './fixtures.js';
import { KEY, markPod, seedBasics, world } from './server-world.js';

type Loose = Record<string, any>;

/** One Pod Security Standards check on a container, given the pod-level securityContext. */
type Check = [level: 'baseline' | 'restricted', what: string, ok: (sc: Loose, psc: Loose) => boolean];

/** The checks our Pods could trip (restricted includes baseline's). */
const CHECKS: Check[] = [
  ['baseline', 'privileged', (sc) => !sc.privileged],
  ['restricted', 'allowPrivilegeEscalation', (sc) => sc.allowPrivilegeEscalation === false],
  ['restricted', 'capabilities not dropped', (sc) => (sc.capabilities?.drop ?? []).includes('ALL')],
  ['restricted', 'capabilities added', (sc) => (sc.capabilities?.add ?? []).every((cap: string) => cap === 'NET_BIND_SERVICE')],
  ['restricted', 'runAsNonRoot', (sc, psc) => (sc.runAsNonRoot ?? psc.runAsNonRoot) === true],
  ['restricted', 'runAsUser 0', (sc, psc) => (sc.runAsUser ?? psc.runAsUser) !== 0],
  ['restricted', 'seccompProfile', (sc, psc) => ['RuntimeDefault', 'Localhost'].includes((sc.seccompProfile ?? psc.seccompProfile)?.type)],
];

function violations(p: Pod, level: 'baseline' | 'restricted'): string[] {
  const spec = p.spec as Loose;
  const psc: Loose = spec.securityContext ?? {};
  const checks = CHECKS.filter(([l]) => l === 'baseline' || level === 'restricted');
  const out = spec.hostNetwork || spec.hostPID || spec.hostIPC ? ['host namespaces'] : [];
  for (const c of spec.containers as Loose[]) {
    out.push(...checks.filter(([, , ok]) => !ok(c.securityContext ?? {}, psc)).map(([, what]) => `${c.name}: ${what}`));
  }
  if ((spec.volumes ?? []).some((v: Loose) => v.hostPath)) out.push('hostPath volume');
  return out;
}

describe('Pod Security', () => {
  const level = desiredNamespace(project()).metadata.labels?.['pod-security.kubernetes.io/enforce'] as 'baseline' | 'restricted';

  it('When a project namespace is built, then it enforces, warns and audits the restricted level at the latest version', () => {
    const labels = desiredNamespace(project()).metadata.labels ?? {};
    for (const mode of ['enforce', 'warn', 'audit']) {
      assert.equal(labels[`pod-security.kubernetes.io/${mode}`], 'restricted');
      assert.equal(labels[`pod-security.kubernetes.io/${mode}-version`], 'latest');
    }
  });

  const pods: { name: string; img: ReturnType<typeof image> | undefined }[] = [
    { name: 'the default busybox', img: image() },
    { name: 'a tenant container image', img: image('img1', 'quay.io/cirros:6') },
    { name: 'no image (boot from volume)', img: undefined },
  ];
  for (const c of pods) {
    it(`When the pod runs ${c.name}, then it passes the level its namespace enforces`, () => {
      const p = desiredPod(server(), flavor(), c.img);
      assert.deepEqual(violations(p, level), []);
      assert.equal(p.spec.automountServiceAccountToken, false, 'no API token inside a tenant pod');
      assert.equal(p.spec.securityContext.runAsUser !== 0 && p.spec.securityContext.runAsNonRoot, true);
    });
  }

  it('When a pod lacks the security context, then the check reports it (the check can fail)', () => {
    const p = structuredClone(desiredPod(server(), flavor(), image())) as Loose;
    delete p.spec.securityContext;
    delete p.spec.containers[0].securityContext;
    assert.deepEqual(violations(p as Pod, 'restricted'), [
      'server: allowPrivilegeEscalation',
      'server: capabilities not dropped',
      'server: runAsNonRoot',
      'server: seccompProfile',
    ]);
  });
});

describe('Server tenancy', () => {
  const foreignOwner = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'u', controller: true };
  const managed = { 'app.kubernetes.io/managed-by': 'openstack-sim' };
  const cases: { name: string; seed: (k: FakeKube) => void; ok: boolean }[] = [
    { name: 'the namespace is controlled by an existing project', seed: (k) => (k.seed(Resources.Project, project()), k.seed(Resources.Namespace, projectNs())), ok: true },
    {
      name: 'the namespace carries the label of an existing project',
      seed: (k) => (k.seed(Resources.Project, project()), k.seed<Namespace>(Resources.Namespace, { metadata: { name: NS, labels: { ...managed, [PROJECT_LABEL]: 'p1' } } })),
      ok: true,
    },
    { name: 'the namespace is not cached (not a managed namespace)', seed: (k) => k.seed(Resources.Project, project()), ok: false },
    { name: 'the namespace owner project is gone', seed: (k) => k.seed(Resources.Namespace, projectNs()), ok: false },
    {
      name: 'the namespace is controlled by a project of the same name but another uid',
      seed: (k) => (k.seed<Project>(Resources.Project, { ...project(), metadata: { ...project().metadata, uid: 'uid-new' } }), k.seed(Resources.Namespace, projectNs())),
      ok: false,
    },
    {
      name: 'the namespace carries the label of a project that does not exist',
      seed: (k) => k.seed<Namespace>(Resources.Namespace, { metadata: { name: NS, labels: { ...managed, [PROJECT_LABEL]: 'p1' } } }),
      ok: false,
    },
    {
      name: 'the namespace is not in the cache (its managed-by label was just removed) but a project controls it',
      seed: (k) => (k.seed(Resources.Project, project()), k.seed<Namespace>(Resources.Namespace, { metadata: { ...projectNs().metadata, labels: {} } })),
      ok: true,
    },
    {
      name: 'the namespace is controlled by something else, even with a project label',
      seed: (k) => (k.seed(Resources.Project, project()), k.seed<Namespace>(Resources.Namespace, { metadata: { name: NS, labels: { ...managed, [PROJECT_LABEL]: 'p1' }, ownerReferences: [foreignOwner] } })),
      ok: false,
    },
  ];
  it('When the server already runs and its namespace drops out of the cache, then it stays ACTIVE and nothing is asked', async () => {
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Server, server());
    });
    await w.r.reconcile(KEY);
    await markPod(w.kube, 'running');
    await w.r.reconcile(KEY);
    assert.equal(w.stored()?.status?.status, 'ACTIVE');
    await w.kube.delete(Resources.Namespace, NS);
    w.actions();
    await w.r.reconcile(KEY);
    assert.equal(w.stored()?.status?.status, 'ACTIVE');
    assert.ok(!w.actions().some((a) => a.startsWith('get Namespace') || a.startsWith('replaceStatus')), 'a running server is not re-judged');
  });

  for (const c of cases) {
    it(`When ${c.name}, then the server is ${c.ok ? 'realized' : 'refused: ERROR with a fault, a warning, and no pod'}`, async () => {
      const w = await world(
        (k) => {
          seedBasics(k);
          c.seed(k);
          k.seed(Resources.Server, server());
        },
        { tenancy: false },
      );
      if (c.ok) {
        await w.r.reconcile(KEY);
        assert.ok(w.actions().includes(`create Pod ${KEY}`));
        return;
      }
      await assert.rejects(w.r.reconcile(KEY), (err: unknown) => err instanceof TerminalError && err.reason === 'NamespaceNotOwned');
      assert.deepEqual(w.actions(), [`get Namespace ${NS}`, `replaceStatus Server ${KEY}`], 'asked live, then no finalizer, no pod: only the status');
      const st = w.stored()?.status;
      assert.equal(st?.status, 'ERROR');
      assert.match(st?.fault?.message ?? '', /^Namespace os-p1 is not (owned by any project|a project namespace)$/);
      assert.equal(findCondition(st?.conditions, 'Ready')?.reason, 'NamespaceNotOwned');
      assert.deepEqual(w.events.events.map((e) => [e.type, e.reason]), [['Warning', 'CannotUseNamespace']]);
      assert.equal(w.kube.peek(Resources.Pod, KEY.split('/')[1], NS), undefined);
    });
  }
});
