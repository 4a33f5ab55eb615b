// The effective-role resolver (auth/effective-roles.ts) against a table of worlds: direct grants,
// group grants, OS-INHERIT from a domain or an ancestor project, implied roles (transitive, with a
// cycle), domain-specific roles, deleted roles and groups, and what each grant does not reach.
import assert from 'node:assert/strict';
import { FakeKube } from '../../support/fake-kube.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources, type ResourceType } from '../../../crds/resources.js';
import type { KubeObject } from '../../../crds/kube-object.js';
import type { RoleAssignment } from '../../../crds/types.generated.js';
import { ResourceStore } from '../../../api-server/src/kube/store.js';
import { storesFor } from '../../../api-server/src/kube/stores.js';
import type { Stores } from '../../../api-server/src/deps.js';
import { effectiveRoles, type RoleTarget } from '../../../api-server/src/auth/effective-roles.js';
import { projectIdsOf } from '../../../api-server/src/auth/assignments.js';

interface World {
  kube: FakeKube;
  stores: Stores;
  stop(): void;
}

async function emptyWorld(): Promise<World> {
  const kube = new FakeKube();
  const informers: Informer<KubeObject>[] = [];
  const stores = storesFor((res) => {
    const informer = new Informer<KubeObject>(kube, res);
    informers.push(informer);
    return new ResourceStore<KubeObject>(kube, informer);
  });
  await Promise.all(informers.map((i) => i.start()));
  return { kube, stores, stop: () => informers.forEach((i) => i.stop()) };
}

function put(w: World, res: ResourceType, name: string, spec: object): void {
  w.kube.seed(res, { apiVersion: API_VERSION, kind: res.kind, metadata: { name }, spec } as KubeObject);
}

/**
 * The base world: roles admin ⊃ member ⊃ reader, a domain-specific role "dom-lead" of domain d1
 * implying member; domain d1 with projects top ⊃ mid ⊃ leaf and a project other, domain d2 with
 * project far; user u, group g (u is a member), and group gone (u's membership, but no Group).
 */
function seedBase(w: World): void {
  put(w, Resources.Role, 'admin', { name: 'admin', implies: ['member'] });
  put(w, Resources.Role, 'member', { name: 'member', implies: ['reader'] });
  put(w, Resources.Role, 'reader', { name: 'reader' });
  put(w, Resources.Role, 'dom-lead', { name: 'lead', domainId: 'd1', implies: ['member'] });
  put(w, Resources.Domain, 'd1', { name: 'D1' });
  put(w, Resources.Domain, 'd2', { name: 'D2' });
  put(w, Resources.Project, 'top', { name: 'top', domainId: 'd1' });
  put(w, Resources.Project, 'mid', { name: 'mid', domainId: 'd1', parentId: 'top' });
  put(w, Resources.Project, 'leaf', { name: 'leaf', domainId: 'd1', parentId: 'mid' });
  put(w, Resources.Project, 'other', { name: 'other', domainId: 'd1' });
  put(w, Resources.Project, 'far', { name: 'far', domainId: 'd2' });
  put(w, Resources.User, 'u', { name: 'u', domainId: 'd1' });
  put(w, Resources.Group, 'g', { name: 'g', domainId: 'd1' });
  put(w, Resources.GroupMembership, 'g.u', { groupId: 'g', userId: 'u' });
  put(w, Resources.GroupMembership, 'gone.u', { groupId: 'gone', userId: 'u' });
}

type Grant = RoleAssignment['spec'];

interface Case {
  name: string;
  grants: Grant[];
  /** Extra objects of the case (more roles, say). */
  extra?: (w: World) => void;
  /** Target → the role names u holds there (sorted). */
  expect: [RoleTarget, string[]][];
}

const P = (projectId: string): RoleTarget => ({ projectId });
const D = (domainId: string): RoleTarget => ({ domainId });
const SYSTEM: RoleTarget = { system: 'all' };

const CASES: Case[] = [
  {
    name: 'a direct grant reaches its project only, with the roles it implies',
    grants: [{ userId: 'u', projectId: 'mid', roleId: 'member' }],
    expect: [[P('mid'), ['member', 'reader']], [P('top'), []], [P('leaf'), []], [D('d1'), []], [SYSTEM, []]],
  },
  {
    name: 'a group grant reaches its members',
    grants: [{ groupId: 'g', projectId: 'other', roleId: 'reader' }],
    expect: [[P('other'), ['reader']], [P('top'), []]],
  },
  {
    name: 'a grant to a deleted group grants nothing, though the membership is still there',
    grants: [{ groupId: 'gone', projectId: 'other', roleId: 'admin' }],
    expect: [[P('other'), []]],
  },
  {
    name: 'a grant of a deleted role grants nothing',
    grants: [{ userId: 'u', projectId: 'top', roleId: 'no-such-role' }],
    expect: [[P('top'), []]],
  },
  {
    name: 'an inherited domain grant reaches every project of the domain, but not the domain nor another domain',
    grants: [{ userId: 'u', domainId: 'd1', inherited: true, roleId: 'reader' }],
    expect: [[P('top'), ['reader']], [P('leaf'), ['reader']], [P('other'), ['reader']], [D('d1'), []], [P('far'), []]],
  },
  {
    name: "a group's inherited domain grant reaches its members on the domain's projects",
    grants: [{ groupId: 'g', domainId: 'd1', inherited: true, roleId: 'member' }],
    expect: [[P('leaf'), ['member', 'reader']], [P('far'), []]],
  },
  {
    name: 'an inherited project grant reaches the subtree at any depth, not the project itself nor its siblings',
    grants: [{ userId: 'u', projectId: 'top', inherited: true, roleId: 'member' }],
    expect: [[P('top'), []], [P('mid'), ['member', 'reader']], [P('leaf'), ['member', 'reader']], [P('other'), []]],
  },
  {
    name: 'a non-inherited domain grant reaches the domain, not its projects',
    grants: [{ userId: 'u', domainId: 'd1', roleId: 'admin' }],
    expect: [[D('d1'), ['admin', 'member', 'reader']], [P('top'), []], [D('d2'), []]],
  },
  {
    name: 'a non-inherited project grant does not reach the sub-projects',
    grants: [{ userId: 'u', projectId: 'top', roleId: 'admin' }],
    expect: [[P('top'), ['admin', 'member', 'reader']], [P('mid'), []]],
  },
  {
    name: 'implied roles are expanded transitively, and a cycle ends',
    grants: [{ userId: 'u', projectId: 'top', roleId: 'a' }],
    extra: (w) => {
      put(w, Resources.Role, 'a', { name: 'a', implies: ['b'] });
      put(w, Resources.Role, 'b', { name: 'b', implies: ['c', 'a'] });
      put(w, Resources.Role, 'c', { name: 'c', implies: ['member', 'missing-role'] });
    },
    expect: [[P('top'), ['a', 'b', 'c', 'member', 'reader']]],
  },
  {
    name: 'a domain-specific role is not held itself, only the roles it implies',
    grants: [{ userId: 'u', projectId: 'top', roleId: 'dom-lead' }],
    expect: [[P('top'), ['member', 'reader']]],
  },
  {
    name: 'a system grant reaches the system only',
    grants: [{ userId: 'u', system: 'all', roleId: 'admin' }],
    expect: [[SYSTEM, ['admin', 'member', 'reader']], [P('top'), []], [D('d1'), []]],
  },
  {
    name: "another user's grant reaches nothing of u's",
    grants: [{ userId: 'someone-else', projectId: 'top', roleId: 'admin' }],
    expect: [[P('top'), []]],
  },
];

describe('Effective roles (auth/effective-roles.ts)', () => {
  for (const c of CASES) {
    it(`When ${c.name}, then u's roles are as expected on each target`, async () => {
      const w = await emptyWorld();
      try {
        seedBase(w);
        c.extra?.(w);
        c.grants.forEach((spec, i) => put(w, Resources.RoleAssignment, `grant-${i}`, spec));
        for (const [target, names] of c.expect) {
          const got = effectiveRoles(w.stores, 'u', target).map((r) => r.spec.name).sort();
          assert.deepEqual(got, names, JSON.stringify(target));
        }
      } finally {
        w.stop();
      }
    });
  }

  it("When u's grants are direct, through a group and inherited, then projectIdsOf names exactly the projects u holds a role on", async () => {
    const w = await emptyWorld();
    try {
      seedBase(w);
      put(w, Resources.RoleAssignment, 'direct', { userId: 'u', projectId: 'far', roleId: 'reader' });
      put(w, Resources.RoleAssignment, 'inherited', { groupId: 'g', projectId: 'mid', inherited: true, roleId: 'member' });
      // A domain-specific role implying nothing grants nothing: 'other' is not one of u's projects.
      put(w, Resources.Role, 'dom-empty', { name: 'empty', domainId: 'd1' });
      put(w, Resources.RoleAssignment, 'empty', { userId: 'u', projectId: 'other', roleId: 'dom-empty' });
      assert.deepEqual([...projectIdsOf(w.stores, 'u')].sort(), ['far', 'leaf']);
    } finally {
      w.stop();
    }
  });
});
