// The shared reconcile pass, driven through a toy kind (a Project-like object with a status) so
// that each of its steps shows on its own.
import assert from 'node:assert/strict';
import type { Project, ProjectStatus } from '../../../crds/types.generated.js';
import { Resources } from '../../../crds/resources.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import type { EventSpec } from '../../../operator/src/runtime/events.js';
import type { ObjectCache } from '../../../operator/src/runtime/objects.js';
import {
  ReconcileShell,
  STALE_CACHE_RECHECK_MS,
  type ReconcileAdapter,
  type StepContext,
  type StepOutcome,
} from '../../../operator/src/runtime/reconcile-shell.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW, project } from './fixtures.js';

type Step = (obj: Project, ctx: StepContext<Project>) => Promise<StepOutcome<ProjectStatus>>;

function setup(opts: { sync?: Step; finalize?: Step; cache?: ObjectCache<Project> } = {}) {
  const kube = new FakeKube();
  kube.seed(Resources.Project, project());
  const calls: string[] = [];
  const forgotten: string[] = [];
  const live: ObjectCache<Project> = { get: (name) => kube.peek<Project>(Resources.Project, name), list: () => [] };
  const kind: ReconcileAdapter<Project, ProjectStatus> = {
    res: Resources.Project,
    cache: opts.cache ?? live,
    sync: async (obj, ctx) => (calls.push('sync'), (opts.sync ?? (async () => ({ status: { namespace: 'os-p1' } })))(obj, ctx)),
    finalize: async (obj, ctx) => (calls.push('finalize'), (opts.finalize ?? (async () => ({})))(obj, ctx)),
    transitionEvents: (prev, next): EventSpec[] => (prev?.namespace !== next.namespace ? [{ type: 'Normal', reason: 'NamespaceNamed', note: next.namespace ?? '' }] : []),
    forget: (key) => void forgotten.push(key),
  };
  const events = new MemoryRecorder();
  const shell = new ReconcileShell(kind, { kube, events, now: () => NOW });
  kube.actions.length = 0;
  return { kube, shell, calls, forgotten, events, actions: (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`) };
}

describe('ReconcileShell', () => {
  it('When the object is not in the cache, then the kind forgets the key and nothing runs', async () => {
    const t = setup();
    assert.deepEqual(await t.shell.reconcile('gone'), {});
    assert.deepEqual([t.calls, t.forgotten, t.actions()], [[], ['gone'], []]);
  });

  it('When sync returns a new status, then it is written once with its transition events; an equal one is not written', async () => {
    const t = setup();
    await t.shell.reconcile('p1');
    assert.deepEqual(t.actions(), ['replaceStatus Project p1']);
    assert.deepEqual(t.events.reasons, ['NamespaceNamed']);
    await t.shell.reconcile('p1');
    assert.deepEqual(t.actions(), [], 'same meaning: no write, no event');
    assert.deepEqual(t.events.reasons, ['NamespaceNamed']);
  });

  it('When the cache has not seen the last write, then the pass stops and rechecks shortly', async () => {
    const stale = project();
    const t = setup({ cache: { get: () => stale, list: () => [] } });
    stale.metadata.resourceVersion = t.kube.peek<Project>(Resources.Project, 'p1')?.metadata.resourceVersion;
    await t.shell.reconcile('p1');
    t.calls.length = 0;
    assert.deepEqual(await t.shell.reconcile('p1'), { requeueAfter: STALE_CACHE_RECHECK_MS });
    assert.deepEqual(t.calls, [], 'no step runs on a copy older than our own write');
  });

  it('When a step writes the object itself, then the status goes on top of the stored copy (no 409)', async () => {
    const t = setup({
      sync: async (obj, ctx) => {
        ctx.wrote(await t.kube.mergePatch<Project>(Resources.Project, 'p1', undefined, { metadata: { labels: { a: 'b' }, resourceVersion: obj.metadata.resourceVersion } }));
        return { status: { namespace: 'os-p1' } };
      },
    });
    await t.shell.reconcile('p1');
    assert.deepEqual(t.actions(), ['mergePatch Project p1', 'replaceStatus Project p1']);
  });

  it('When a step reports a terminal problem, then its status is written first and the error thrown after', async () => {
    const t = setup({ sync: async () => ({ status: { namespace: 'x' }, terminal: new TerminalError('no', 'Nope') }) });
    await assert.rejects(t.shell.reconcile('p1'), (err: unknown) => err instanceof TerminalError && err.reason === 'Nope');
    assert.deepEqual(t.actions(), ['replaceStatus Project p1']);
  });

  it('When the object is being deleted, then finalize runs instead of sync, on a copy (the cache is untouched)', async () => {
    const cached = { ...project(), metadata: { ...project().metadata, deletionTimestamp: 'x', resourceVersion: '1' } };
    const touch: Step = async (obj) => ((obj.metadata.labels = { touched: 'yes' }), { requeueAfter: 5 });
    const t = setup({ cache: { get: () => cached, list: () => [] }, finalize: touch });
    assert.deepEqual(await t.shell.reconcile('p1'), { requeueAfter: 5 });
    assert.deepEqual(t.calls, ['finalize']);
    assert.equal(cached.metadata.labels, undefined, 'the step got a deep copy');
  });
});
