// The seed on a FakeKube: the default Domain, Keystone's bootstrap roles with their implications,
// and NameClaims for the seeded domain, projects and users; a second run changes nothing.
import assert from 'node:assert/strict';
import type { Domain, NameClaim, Role } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import { seed } from '../../../../api-server/src/bootstrap/seed.js';
import { defaultSeedPlan } from '../../../../api-server/src/bootstrap/seed-plan.js';
import { nameClaimName } from '../../../../api-server/src/common/name-claims.js';
import { FakeKube } from '../../../support/fake-kube.js';

describe('seed (identity)', function () {
  this.timeout(30_000);
  const plan = defaultSeedPlan({ admin: 'a-pw', demo: 'd-pw', alt_demo: 'x-pw' });

  it('When a fresh cluster is seeded twice, then the default domain, the role hierarchy and the name claims exist once', async () => {
    const kube = new FakeKube();
    const first = await seed(kube, 'sys', plan);
    const second = await seed(kube, 'sys', plan);
    assert.deepEqual(second.roleIds, first.roleIds);
    assert.deepEqual(second.projectIds, first.projectIds);

    const domain = await kube.get<Domain>(Resources.Domain, 'default');
    assert.deepEqual([domain?.spec.name, domain?.spec.enabled], ['Default', true]);

    const roles = (await kube.list<Role>(Resources.Role)).items;
    const byId = new Map(roles.map((r) => [r.metadata.name, r.spec.name]));
    const implied = Object.fromEntries(roles.map((r) => [r.spec.name, (r.spec.implies ?? []).map((id) => byId.get(id))]));
    assert.deepEqual(implied, { reader: [], member: ['reader'], manager: ['member'], admin: ['manager'], service: [] });

    const claims = (await kube.list<NameClaim>(Resources.NameClaim)).items;
    const held = claims.map((c) => `${c.spec.kind}/${c.spec.scope}/${c.spec.name}`).sort();
    assert.deepEqual(held, ['Domain//Default', 'Project/default/admin', 'Project/default/alt_demo', 'Project/default/demo', 'User/default/admin', 'User/default/alt_demo', 'User/default/demo']);
    const demoClaim = await kube.get<NameClaim>(Resources.NameClaim, nameClaimName({ kind: 'Project', scope: 'default', name: 'demo' }));
    assert.equal(demoClaim?.spec.holderId, first.projectIds.demo);
  });
});
