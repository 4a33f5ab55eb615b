// lock / unlock through the whole app, as one table of steps in order: who acts, what they send,
// the answer, and the lock left on the Server. Nova's rules: a locked server refuses guarded
// actions (stop, start, delete, attach and detach) from non-admins with 409; whoever locked it as
// owner (its own project) or admin (another project's admin) may unlock it; the other side needs
// admin (403 for the owner).
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Server } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

type Who = 'alice' | 'admin';
type Step = [what: string, who: Who, method: 'POST' | 'DELETE', body: object | undefined, status: number, lockAfter: 'owner' | 'admin' | undefined];

const STEPS: Step[] = [
  ['the owner locks', 'alice', 'POST', { lock: null }, 202, 'owner'],
  ['the owner locks again (no change)', 'alice', 'POST', { lock: {} }, 202, 'owner'],
  ['the owner stops the locked server', 'alice', 'POST', { 'os-stop': null }, 409, 'owner'],
  ['the owner deletes the locked server', 'alice', 'DELETE', undefined, 409, 'owner'],
  ['the owner attaches a volume to the locked server', 'alice', 'POST', { volumeAttachment: { volumeId: '00000000-0000-4000-8000-000000000001' } }, 409, 'owner'],
  ['an admin stops the locked server (admins pass the lock)', 'admin', 'POST', { 'os-stop': null }, 202, 'owner'],
  ['the owner unlocks its own lock', 'alice', 'POST', { unlock: null }, 202, undefined],
  ['the owner unlocks an unlocked server (no change)', 'alice', 'POST', { unlock: null }, 202, undefined],
  ['an admin of another project locks', 'admin', 'POST', { lock: null }, 202, 'admin'],
  ['the owner unlocks the admin\'s lock', 'alice', 'POST', { unlock: null }, 403, 'admin'],
  ['the admin unlocks', 'admin', 'POST', { unlock: null }, 202, undefined],
  ['the owner deletes the unlocked server', 'alice', 'DELETE', undefined, 204, undefined],
];

describe('Nova lock and unlock', () => {
  let w: AppWorld;
  const tokens = {} as Record<Who, string>;
  let server: string;
  const stored = (): Server | undefined => w.kube.peek<Server>(Resources.Server, server, projectNamespace(w.ids.projects.demo));

  before(async () => {
    w = await serveApp();
    tokens.alice = await w.login('alice', 'demo');
    tokens.admin = await w.login('admin', 'admin');
    const res = await call(w.url, tokens.alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } });
    assert.equal(res.status, 202, res.text);
    server = res.json.server.id;
    // What the operator writes once the Pod runs: the stop step needs an active server.
    await w.kube.replaceStatus(Resources.Server, { ...stored()!, status: { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING' } });
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await call(w.url, tokens.alice, 'GET', `/compute/v2.1/servers/${server}`)).json.server.status === 'ACTIVE') return;
    }
    throw new Error('the API never showed the server ACTIVE');
  });
  after(() => w.close());

  const pathOf = (body: object | undefined, method: string): string => {
    if (method === 'DELETE') return `/compute/v2.1/servers/${server}`;
    return body && 'volumeAttachment' in body ? `/compute/v2.1/servers/${server}/os-volume_attachments` : `/compute/v2.1/servers/${server}/action`;
  };

  for (const [what, who, method, body, status, lockAfter] of STEPS) {
    it(`When ${what}, then ${status} and the server is ${lockAfter ? `locked by ${lockAfter}` : 'unlocked'}`, async () => {
      const res = await call(w.url, tokens[who], method, pathOf(body, method), body);
      assert.equal(res.status, status, res.text);
      if (status === 409) assert.match(res.json.conflictingRequest.message, /^Instance .* is locked$/);
      const now = stored();
      if (method === 'DELETE' && status === 204) return assert.ok(!now || now.metadata.deletionTimestamp, 'the server is being deleted');
      assert.equal(now?.spec.lock?.lockedBy, lockAfter);
    });
  }
});
