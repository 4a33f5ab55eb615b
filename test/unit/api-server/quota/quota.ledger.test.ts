// The ledger's arithmetic, table-driven: usage is the sum of claims; only growth is checked, against
// the project's limit and (Nova) the user's own; -1 is unlimited; a class default applies when the
// project has no limit of its own.
import { strict as assert } from 'node:assert';
import type { Quota } from '../../../../crds/types.generated.js';
import { NOVA_DEFAULTS, classLimits } from '../../../../api-server/src/quota/quota.defaults.js';
import { overagesOf, usageOf, withClaim, withoutClaim, type ClaimRequest, type Overage } from '../../../../api-server/src/quota/quota.ledger.js';

const at = '2026-01-01T00:00:00.000Z';
function quota(limits: Record<string, number>, claims: Record<string, { resources: Record<string, number>; userId?: string }>, userLimits?: Record<string, Record<string, number>>): Quota {
  const withTimes = Object.fromEntries(Object.entries(claims).map(([k, c]) => [k, { ...c, claimedAt: at }]));
  return { apiVersion: 'openstack.sim/v1alpha1', kind: 'Quota', metadata: { name: 'compute', namespace: 'os-p' }, spec: { service: 'compute', limits, claims: withTimes, ...(userLimits ? { userLimits } : {}) } };
}
const server = (cores: number, ram: number, userId = 'u1') => ({ resources: { instances: 1, cores, ram }, userId });

describe('Quota ledger', () => {
  it('When claims are summed, then usage is per resource, and per user when asked', () => {
    const q = quota({}, { 'server/a': server(2, 512), 'server/b': server(1, 256, 'u2') });
    assert.deepEqual(usageOf(q), { instances: 2, cores: 3, ram: 768 });
    assert.deepEqual(usageOf(q, 'u2'), { instances: 1, cores: 1, ram: 256 });
    assert.deepEqual(usageOf(undefined), {});
  });

  const cases: { when: string; q: Quota | undefined; req: ClaimRequest; want: Overage[] }[] = [
    { when: 'the project has room', q: quota({ instances: 2 }, { 'server/a': server(1, 1) }), req: { key: 'server/b', ...server(1, 1) }, want: [] },
    {
      when: 'the last instance is taken',
      q: quota({ instances: 1 }, { 'server/a': server(1, 1) }),
      req: { key: 'server/b', ...server(1, 1) },
      want: [{ resource: 'instances', requested: 1, used: 1, limit: 1, scope: 'project' }],
    },
    {
      when: 'several resources are over',
      q: quota({ cores: 2, ram: 100 }, {}),
      req: { key: 'server/b', ...server(4, 512) },
      want: [
        { resource: 'cores', requested: 4, used: 0, limit: 2, scope: 'project' },
        { resource: 'ram', requested: 512, used: 0, limit: 100, scope: 'project' },
      ],
    },
    { when: 'the limit is -1', q: quota({ instances: -1 }, { 'server/a': server(1, 1) }), req: { key: 'server/b', ...server(1, 1) }, want: [] },
    { when: 'the limit is 0', q: quota({ instances: 0 }, {}), req: { key: 'server/b', ...server(1, 1) }, want: [{ resource: 'instances', requested: 1, used: 0, limit: 0, scope: 'project' }] },
    { when: 'a resize grows its own claim', q: quota({ cores: 4 }, { 'server/a': server(2, 1) }), req: { key: 'server/a', ...server(5, 1) }, want: [{ resource: 'cores', requested: 3, used: 2, limit: 4, scope: 'project' }] },
    { when: 'a resize shrinks its claim past a lowered limit', q: quota({ cores: 1 }, { 'server/a': server(4, 1) }), req: { key: 'server/a', ...server(2, 1) }, want: [] },
    { when: 'the project has no limit (the class default applies)', q: undefined, req: { key: 'server/a', ...server(21, 1) }, want: [{ resource: 'cores', requested: 21, used: 0, limit: 20, scope: 'project' }] },
    {
      when: "the user's own limit is hit before the project's",
      q: quota({ instances: 10 }, { 'server/a': server(1, 1, 'u1'), 'server/b': server(1, 1, 'u2') }, { u1: { instances: 1 } }),
      req: { key: 'server/c', ...server(1, 1, 'u1') },
      want: [{ resource: 'instances', requested: 1, used: 1, limit: 1, scope: 'user' }],
    },
    {
      when: "another user's claims do not count against a user's limit",
      q: quota({ instances: 10 }, { 'server/a': server(1, 1, 'u2') }, { u1: { instances: 1 } }),
      req: { key: 'server/c', ...server(1, 1, 'u1') },
      want: [],
    },
  ];
  for (const c of cases) {
    it(`When ${c.when}, then the overages are ${c.want.map((o) => o.resource).join(', ') || 'none'}`, () => {
      assert.deepEqual(overagesOf(c.q, classLimits('compute', undefined), c.req), c.want);
    });
  }

  it('When a claim is added, replaced and removed, then the claims map follows and the input is untouched', () => {
    const q = quota({}, {});
    const one = withClaim(q, { key: 'server/a', ...server(1, 1) }, new Date(at));
    assert.deepEqual(one.spec.claims, { 'server/a': { resources: { instances: 1, cores: 1, ram: 1 }, userId: 'u1', claimedAt: at } });
    const resized = withClaim(one, { key: 'server/a', ...server(2, 2) }, new Date(at));
    assert.deepEqual(usageOf(resized), { instances: 1, cores: 2, ram: 2 });
    assert.deepEqual(withoutClaim(resized, 'server/a').spec.claims, {});
    assert.deepEqual(q.spec.claims, {});
  });

  it('When a quota class overrides a default, then it wins over the built-in one', () => {
    const cls = { apiVersion: 'openstack.sim/v1alpha1', kind: 'QuotaClass', metadata: { name: 'compute.default' }, spec: { service: 'compute' as const, className: 'default', limits: { instances: 3 } } };
    assert.equal(classLimits('compute', cls).instances, 3);
    assert.equal(classLimits('compute', cls).cores, NOVA_DEFAULTS.cores);
  });
});
