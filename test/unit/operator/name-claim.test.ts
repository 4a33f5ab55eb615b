// The sweep of orphaned NameClaims: the decision table (held, young, old, unwatched kind, being
// deleted), and the reconciler over FakeKube: an old orphan is deleted, a young one is rechecked
// when its grace period ends, a held one and a domain's are left alone.
import assert from 'node:assert/strict';
import type { ApplicationCredential, Domain, Group, NameClaim, Project, Role, User } from '../../../crds/types.generated.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import { ORPHAN_GRACE_MS } from '../../../operator/src/controllers/address-allocation/address-allocation.sweep.js';
import { nameClaimDecision } from '../../../operator/src/controllers/name-claim/name-claim.sweep.js';
import { NameClaimReconciler } from '../../../operator/src/controllers/name-claim/name-claim.reconciler.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW } from './fixtures.js';

const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();

function claim(name: string, createdMsAgo: number, kind = 'Project', holderId = 'p1', deleting = false): NameClaim {
  return {
    apiVersion: API_VERSION, kind: 'NameClaim',
    metadata: { name, creationTimestamp: ago(createdMsAgo), ...(deleting ? { deletionTimestamp: ago(0) } : {}) },
    spec: { kind, scope: 'default', name: `n-${name}`, holderId },
  };
}

describe('nameClaimDecision', () => {
  const cases: { name: string; c: NameClaim; holder: boolean | undefined; want: ReturnType<typeof nameClaimDecision> }[] = [
    { name: 'its holder exists', c: claim('a', 10 * ORPHAN_GRACE_MS), holder: true, want: { action: 'keep' } },
    { name: 'its holder is missing and it is past the grace period', c: claim('a', ORPHAN_GRACE_MS + 1), holder: false, want: { action: 'delete' } },
    { name: 'its holder is missing but it is young', c: claim('a', 1_000), holder: false, want: { action: 'recheck', afterMs: ORPHAN_GRACE_MS - 1_000 } },
    { name: 'its holder is of a kind the operator does not watch', c: claim('a', 10 * ORPHAN_GRACE_MS, 'Domain'), holder: undefined, want: { action: 'keep' } },
    { name: 'it is being deleted already', c: claim('a', 10 * ORPHAN_GRACE_MS, 'Project', 'p1', true), holder: false, want: { action: 'keep' } },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then ${c.want.action}`, () => assert.deepEqual(nameClaimDecision(c.c, () => c.holder, NOW), c.want));
  }
});

describe('NameClaimReconciler', () => {
  it('When claims are reconciled, then only the old orphans (a user\'s, a role\'s) are deleted, not a held domain\'s', async () => {
    const kube = new FakeKube();
    kube.seed(Resources.NameClaim, claim('old-orphan', ORPHAN_GRACE_MS * 2, 'User', 'gone'));
    kube.seed(Resources.NameClaim, claim('young-orphan', 5_000, 'Group', 'coming'));
    kube.seed(Resources.NameClaim, claim('held', ORPHAN_GRACE_MS * 2, 'Project', 'p1'));
    kube.seed(Resources.NameClaim, claim('domain', ORPHAN_GRACE_MS * 2, 'Domain', 'd1'));
    kube.seed(Resources.NameClaim, claim('role-orphan', ORPHAN_GRACE_MS * 2, 'Role', 'gone-role'));
    kube.seed(Resources.Domain, { apiVersion: API_VERSION, kind: 'Domain', metadata: { name: 'd1' }, spec: { name: 'd-held' } });
    kube.seed(Resources.Project, { apiVersion: API_VERSION, kind: 'Project', metadata: { name: 'p1' }, spec: { name: 'n-held', domainId: 'default' } });
    const nameClaims = new Informer<NameClaim>(kube, Resources.NameClaim);
    const projects = new Informer<Project>(kube, Resources.Project);
    const users = new Informer<User>(kube, Resources.User);
    const groups = new Informer<Group>(kube, Resources.Group);
    const applicationCredentials = new Informer<ApplicationCredential>(kube, Resources.ApplicationCredential);
    const domains = new Informer<Domain>(kube, Resources.Domain);
    const roles = new Informer<Role>(kube, Resources.Role);
    const all = [nameClaims, projects, users, groups, applicationCredentials, domains, roles];
    await Promise.all(all.map((i) => i.start()));
    after(() => all.forEach((i) => i.stop()));
    const r = new NameClaimReconciler({ kube, nameClaims, projects, users, groups, applicationCredentials, domains, roles, events: new MemoryRecorder(), now: () => NOW });
    kube.actions.length = 0;
    assert.deepEqual(await r.reconcile('old-orphan'), {});
    assert.deepEqual(await r.reconcile('young-orphan'), { requeueAfter: ORPHAN_GRACE_MS - 5_000 });
    assert.deepEqual(await r.reconcile('held'), {});
    assert.deepEqual(await r.reconcile('domain'), {});
    assert.deepEqual(await r.reconcile('role-orphan'), {});
    assert.deepEqual(kube.actions.map((a) => `${a.verb} ${a.kind} ${a.key}`), ['delete NameClaim old-orphan', 'delete NameClaim role-orphan']);
  });
});
