// POST /v3/projects answers once the operator reports the project's Namespace ready (so the client's
// next create in it finds it), and answers anyway, with a warning, when the wait runs out.
import assert from 'node:assert/strict';
import type { Project } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

describe('Keystone project create waits for its namespace', function () {
  this.timeout(30_000);
  let w: AppWorld;
  let admin: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
  });
  after(() => w.close());

  /** Plays the operator: once the project exists, marks its namespace Ready after delayMs. */
  function operatorReadies(name: string, delayMs: number): Promise<number> {
    return new Promise((resolve) => {
      const tick = setInterval(() => {
        const p = w.kube.list<Project>(Resources.Project).then((l) => l.items.find((x) => x.spec.name === name));
        void p.then(async (found) => {
          if (!found) return;
          clearInterval(tick);
          await new Promise((r) => setTimeout(r, delayMs));
          const ready = { type: 'Ready', status: 'True' as const, reason: 'NamespaceReady', message: 'ok', lastTransitionTime: new Date().toISOString() };
          await w.kube.replaceStatus(Resources.Project, { ...found, status: { namespace: `os-${found.metadata.name}`, conditions: [ready] } });
          resolve(Date.now());
        });
      }, 5);
    });
  }

  it('When the namespace becomes ready after 300 ms, then the 201 comes after it', async () => {
    w.deps.config.projectNamespaceWaitMs = 5_000;
    const readiedAt = operatorReadies('waits', 300);
    const res = await call(w.url, admin, 'POST', '/identity/v3/projects', { project: { name: 'waits' } });
    const answeredAt = Date.now();
    assert.equal(res.status, 201, res.text);
    assert.ok(answeredAt >= (await readiedAt), 'answered before the namespace was ready');
  });

  it('When the namespace never becomes ready, then the project is still created after the wait runs out', async () => {
    w.deps.config.projectNamespaceWaitMs = 200;
    const started = Date.now();
    const res = await call(w.url, admin, 'POST', '/identity/v3/projects', { project: { name: 'never-ready' } });
    assert.equal(res.status, 201, res.text);
    assert.ok(Date.now() - started >= 200, 'did not wait');
    assert.equal((await call(w.url, admin, 'GET', `/identity/v3/projects/${res.json.project.id}`)).status, 200);
  });
});
