// Security groups realized as NetworkPolicies: the builder rule by rule (table-driven), and the
// reconciler as action lists: create once, nothing on a no-op pass, apply when a rule changes,
// refuse a policy that is not ours.
import assert from 'node:assert/strict';
import type { SecurityGroup } from '../../../crds/types.generated.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import type { NetworkPolicy, NetworkPolicyRule } from '../../../crds/kube-types.js';
import { SecurityGroupReconciler } from '../../../operator/src/controllers/security-group/security-group.reconciler.js';
import { desiredNetworkPolicy, networkPolicyName } from '../../../operator/src/controllers/security-group/security-group.resources.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW } from './fixtures.js';

const NS = 'os-p1';
const ID = '1a2b3c4d-0000-4000-8000-000000000001';
type Rule = NonNullable<SecurityGroup['spec']['rules']>[number];

function group(rules: Rule[], name = 'Web Servers'): SecurityGroup {
  return { apiVersion: API_VERSION, kind: 'SecurityGroup', metadata: { name: ID, namespace: NS, uid: `uid-${ID}`, generation: 1 }, spec: { name, projectId: 'p1', rules } };
}

describe('desiredNetworkPolicy', () => {
  const cases: { name: string; rule: Omit<Rule, 'id'>; side: 'ingress' | 'egress'; want: NetworkPolicyRule | undefined }[] = [
    { name: 'SSH from anywhere over IPv4', rule: { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0' }, side: 'ingress', want: { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 22 }] } },
    { name: 'a UDP range from a prefix', rule: { direction: 'ingress', ethertype: 'IPv4', protocol: 'udp', portRangeMin: 5000, portRangeMax: 5100, remoteIpPrefix: '10.0.0.0/8' }, side: 'ingress', want: { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ protocol: 'UDP', port: 5000, endPort: 5100 }] } },
    { name: 'any protocol from the members of a group', rule: { direction: 'ingress', ethertype: 'IPv4', remoteGroupId: 'g2' }, side: 'ingress', want: { from: [{ podSelector: { matchLabels: { 'sg.openstack.sim/g2': 'member' } } }] } },
    { name: 'all egress over IPv6', rule: { direction: 'egress', ethertype: 'IPv6' }, side: 'egress', want: { to: [{ ipBlock: { cidr: '::/0' } }] } },
    { name: 'SCTP by number', rule: { direction: 'egress', ethertype: 'IPv4', protocol: '132' }, side: 'egress', want: { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'SCTP' }] } },
    { name: 'ICMP (not expressible: left out)', rule: { direction: 'ingress', ethertype: 'IPv4', protocol: 'icmp' }, side: 'ingress', want: undefined },
  ];
  for (const c of cases) {
    it(`When a rule allows ${c.name}, then the policy ${c.want ? 'has the matching entry' : 'has no entry for it'}`, () => {
      const np = desiredNetworkPolicy(group([{ id: 'r1', ...c.rule }]));
      assert.deepEqual(np.spec[c.side]?.[0], c.want);
    });
  }

  it('When built, then it is named after the group, selects its members, has both policy types and is controlled by the group', () => {
    const np = desiredNetworkPolicy(group([]));
    assert.equal(np.metadata.name, 'web-servers-1a2b3c4d');
    assert.deepEqual(np.spec.podSelector, { matchLabels: { [`sg.openstack.sim/${ID}`]: 'member' } });
    assert.deepEqual(np.spec.policyTypes, ['Ingress', 'Egress']);
    assert.equal(np.spec.ingress, undefined, 'no ingress rule: nothing comes in');
    assert.deepEqual(np.metadata.ownerReferences?.[0], { apiVersion: API_VERSION, kind: 'SecurityGroup', name: ID, uid: `uid-${ID}`, controller: true, blockOwnerDeletion: true });
    assert.equal(networkPolicyName(group([], '***')), 'group-1a2b3c4d');
  });
});

async function world(seed: (kube: FakeKube) => void) {
  const kube = new FakeKube();
  seed(kube);
  const securityGroups = new Informer<SecurityGroup>(kube, Resources.SecurityGroup);
  const networkPolicies = new Informer<NetworkPolicy>(kube, Resources.NetworkPolicy, { labelSelector: 'app.kubernetes.io/managed-by=openstack-sim' });
  await Promise.all([securityGroups.start(), networkPolicies.start()]);
  const events = new MemoryRecorder();
  const r = new SecurityGroupReconciler({ kube, securityGroups, networkPolicies, events, now: () => NOW });
  kube.actions.length = 0;
  after(() => [securityGroups, networkPolicies].forEach((i) => i.stop()));
  const settle = async (): Promise<void> => new Promise((res) => setTimeout(res, 20));
  return { kube, r, events, settle, actions: (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`) };
}

const KEY = `${NS}/${ID}`;
const ssh: Rule = { id: 'r1', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 };
const icmp: Rule = { id: 'r2', direction: 'ingress', ethertype: 'IPv4', protocol: 'icmp' };

describe('SecurityGroupReconciler', () => {
  it('When a group has no policy, then the policy is created, the status says so, and a second pass writes nothing', async () => {
    const w = await world((k) => k.seed(Resources.SecurityGroup, group([ssh, icmp])));
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create NetworkPolicy ${NS}/web-servers-1a2b3c4d`, `replaceStatus SecurityGroup ${KEY}`]);
    assert.deepEqual(w.events.reasons, ['CreatedNetworkPolicy']);
    const st = w.kube.peek<SecurityGroup>(Resources.SecurityGroup, ID, NS)?.status;
    assert.equal(st?.networkPolicy, 'web-servers-1a2b3c4d');
    assert.deepEqual(st?.unrealizedRules, ['r2']);
    assert.equal(findCondition(st?.conditions, 'Ready')?.status, 'True');
    assert.match(findCondition(st?.conditions, 'Ready')?.message ?? '', /1 rule\(s\) need a protocol/);
    await w.settle();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [], 'idempotent');
  });

  it('When a rule is added, then the policy is re-applied with it', async () => {
    const w = await world((k) => k.seed(Resources.SecurityGroup, group([ssh])));
    await w.r.reconcile(KEY);
    await w.settle();
    w.actions();
    const stored = w.kube.peek<SecurityGroup>(Resources.SecurityGroup, ID, NS)!;
    await w.kube.replace(Resources.SecurityGroup, { ...stored, spec: { ...stored.spec, rules: [ssh, { ...ssh, id: 'r3', portRangeMin: 80, portRangeMax: 80 }] } });
    await w.settle();
    w.actions();
    await w.r.reconcile(KEY);
    assert.ok(w.actions().includes(`apply NetworkPolicy ${NS}/web-servers-1a2b3c4d`));
    const np = w.kube.peek<NetworkPolicy>(Resources.NetworkPolicy, 'web-servers-1a2b3c4d', NS);
    assert.deepEqual(np?.spec.ingress?.map((r) => r.ports?.[0].port), [22, 80]);
  });

  it('When a same-named policy is not ours, then the group is not Ready and the error is terminal', async () => {
    const w = await world((k) => {
      k.seed(Resources.SecurityGroup, group([ssh]));
      k.seed(Resources.NetworkPolicy, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web-servers-1a2b3c4d', namespace: NS, labels: { 'app.kubernetes.io/managed-by': 'openstack-sim' } }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    });
    await assert.rejects(w.r.reconcile(KEY), TerminalError);
    const ready = findCondition(w.kube.peek<SecurityGroup>(Resources.SecurityGroup, ID, NS)?.status?.conditions, 'Ready');
    assert.equal(ready?.reason, 'NetworkPolicyConflict');
    assert.deepEqual(w.events.reasons, ['CannotAdoptNetworkPolicy']);
  });
});
