// The operator's quota controllers: the stale-claim sweep (which claims are looked at, which are
// removed under the resourceVersion, over FakeKube) and the ResourceQuota mirror's hard limits.
import assert from 'node:assert/strict';
import type { Quota, QuotaClass, Server } from '../../../crds/types.generated.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources, typeMeta } from '../../../crds/resources.js';
import { CLAIM_GRACE_MS, claimsToCheck, holderOf } from '../../../operator/src/controllers/quota/quota-claims.sweep.js';
import { QuotaClaimsReconciler } from '../../../operator/src/controllers/quota/quota-claims.reconciler.js';
import { hardLimits, type ProjectQuotas } from '../../../operator/src/controllers/quota/resource-quota.mirror.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW } from './fixtures.js';

const NS = 'os-p1';
const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();
const claim = (msAgo: number) => ({ resources: { instances: 1 }, claimedAt: ago(msAgo) });
const quota = (claims: Record<string, ReturnType<typeof claim>>, limits: Record<string, number> = {}, service: Quota['spec']['service'] = 'compute'): Quota =>
  ({ ...typeMeta(Resources.Quota), metadata: { name: service, namespace: NS }, spec: { service, limits, claims } });

describe('Quota claims sweep', () => {
  const keys: [string, string | undefined][] = [
    [`${Resources.Server.plural}/s1`, Resources.Server.kind],
    [`${Resources.Port.plural}/p1/fixed_ips/x`, Resources.Port.kind],
    [`${Resources.Keypair.plural}/k1`, Resources.Keypair.kind],
    ['gadgets/g1', undefined],
  ];
  for (const [key, kind] of keys) it(`When the key is ${key}, then its holder is ${kind ?? 'unknown (never swept)'}`, () => assert.equal(holderOf(key)?.res.kind, kind));

  it('When claims are old or young, then only old ones of known kinds are looked at and the youngest sets the recheck', () => {
    const q = quota({ [`${Resources.Server.plural}/old`]: claim(CLAIM_GRACE_MS + 1), [`${Resources.Server.plural}/young`]: claim(1_000), [`${Resources.Server.plural}/younger`]: claim(500), 'gadgets/x': claim(10 * CLAIM_GRACE_MS) });
    const { old, recheckAfterMs } = claimsToCheck(q, NOW);
    assert.deepEqual(old.map((c) => c.key), [`${Resources.Server.plural}/old`]);
    assert.equal(recheckAfterMs, CLAIM_GRACE_MS - 1_000);
  });

  it('When the ledger is reconciled, then only the old claims whose holders are gone are removed; the held (in the cache or only live) and the young stay', async () => {
    const kube = new FakeKube();
    const held: Server = { apiVersion: API_VERSION, kind: 'Server', metadata: { name: 'held', namespace: NS }, spec: { name: 'held', projectId: 'p1', flavorRef: '1', imageRef: 'i' } } as Server;
    kube.seed(Resources.Server, held);
    const s = (id: string): string => `${Resources.Server.plural}/${id}`;
    kube.seed(Resources.ServerGroup, { ...typeMeta(Resources.ServerGroup), metadata: { name: 'g-live', namespace: NS }, spec: { name: 'g', policy: 'affinity', projectId: 'p1', userId: 'u1' } });
    const g = (id: string): string => `${Resources.ServerGroup.plural}/${id}`;
    kube.seed(Resources.Quota, quota({ [s('held')]: claim(2 * CLAIM_GRACE_MS), [s('gone')]: claim(2 * CLAIM_GRACE_MS), [s('coming')]: claim(5_000), [g('g-gone')]: claim(2 * CLAIM_GRACE_MS), [g('g-live')]: claim(2 * CLAIM_GRACE_MS) }));
    const quotas = new Informer<Quota>(kube, Resources.Quota);
    const servers = new Informer<Server>(kube, Resources.Server);
    await Promise.all([quotas.start(), servers.start()]);
    after(() => [quotas, servers].forEach((i) => i.stop()));
    const r = new QuotaClaimsReconciler({ kube, quotas, holders: { [Resources.Server.kind]: servers }, events: new MemoryRecorder(), now: () => NOW });
    assert.deepEqual(await r.reconcile(`${NS}/compute`), { requeueAfter: CLAIM_GRACE_MS - 5_000 });
    const left = await kube.get<Quota>(Resources.Quota, 'compute', NS);
    // g-live has no cache here: the GET finds it, so its claim stays.
    assert.deepEqual(Object.keys(left!.spec.claims ?? {}).sort(), [g('g-live'), s('coming'), s('held')]);
  });
});

describe('ResourceQuota mirror', () => {
  const cls = (service: 'compute' | 'volume', limits: Record<string, number>): QuotaClass => ({ ...typeMeta(Resources.QuotaClass), metadata: { name: `${service}.default` }, spec: { service, className: 'default', limits } });
  const cases: [string, ProjectQuotas, Record<string, string>][] = [
    ['nothing set: the services\' defaults', {}, { 'requests.cpu': '20100m', 'limits.cpu': '20100m', 'requests.memory': '51360Mi', 'limits.memory': '51360Mi', 'requests.storage': '1000Gi', persistentvolumeclaims: '10' }],
    ['the project\'s own limits over the class', { compute: quota({}, { instances: 2, cores: 4, ram: 1024 }), computeClass: cls('compute', { instances: 50 }), volume: quota({}, { volumes: 3, gigabytes: 30 }, 'volume') },
      { 'requests.cpu': '4030m', 'limits.cpu': '4030m', 'requests.memory': '1072Mi', 'limits.memory': '1072Mi', 'requests.storage': '30Gi', persistentvolumeclaims: '3' }],
    ['unlimited: the keys are left out (unlimited volumes leave room for 100 attachment Pods)', { compute: quota({}, { instances: -1, cores: 1, ram: -1 }), volumeClass: cls('volume', { volumes: -1, gigabytes: -1 }) }, { 'requests.cpu': '2000m', 'limits.cpu': '2000m' }],
  ];
  for (const [what, q, want] of cases) it(`When ${what}, then spec.hard mirrors it`, () => assert.deepEqual(hardLimits(q), want));
});
