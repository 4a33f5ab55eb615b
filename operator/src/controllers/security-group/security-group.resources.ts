// Pure builders: a SecurityGroup's NetworkPolicy, rule by rule. The policy selects the Pods that
// carry the group's label (the operator labels a server's Pod for each group of its ports) and
// lists one ingress or egress entry per rule:
//   remote_ip_prefix → an ipBlock; remote_group_id → a pod selector on that group's label;
//   no remote → every address of the rule's ethertype (0.0.0.0/0 or ::/0);
//   TCP, UDP and SCTP with a port range → ports (endPort for a range); no protocol → all ports.
// Neutron rules a NetworkPolicy cannot express (ICMP and other protocols) are left out, so they
// allow nothing, and are reported in status.unrealizedRules: a NetworkPolicy only ever allows, and
// widening an ICMP rule to "every protocol" would allow what the group does not.
import type { SecurityGroup } from '../../../../crds/types.generated.js';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyRule } from '../../../../crds/kube-types.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, securityGroupLabel } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import { controllerReference } from '../../runtime/objects.js';

type Rule = NonNullable<SecurityGroup['spec']['rules']>[number];

const PORT_PROTOCOLS: Record<string, 'TCP' | 'UDP' | 'SCTP'> = { tcp: 'TCP', '6': 'TCP', udp: 'UDP', '17': 'UDP', sctp: 'SCTP', '132': 'SCTP' };
export const GROUP_ID_ANNOTATION = 'openstack.sim/security-group-id';
export const GROUP_LABEL = 'openstack.sim/security-group-id';

/** `<name as a DNS label>-<first 8 of the id>`: named after the group, unique in the namespace. */
export function networkPolicyName(sg: SecurityGroup): string {
  const base = sg.spec.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'group';
  return `${base}-${sg.metadata.name.slice(0, 8)}`;
}

/** Whether a NetworkPolicy can express the rule at all. */
export function realizable(rule: Rule): boolean {
  return rule.protocol === undefined || rule.protocol in PORT_PROTOCOLS;
}

function peer(rule: Rule): NetworkPolicyPeer {
  if (rule.remoteGroupId) return { podSelector: { matchLabels: { [securityGroupLabel(rule.remoteGroupId)]: 'member' } } };
  return { ipBlock: { cidr: rule.remoteIpPrefix ?? (rule.ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0') } };
}

function policyRule(rule: Rule): NetworkPolicyRule {
  const side = rule.direction === 'ingress' ? 'from' : 'to';
  const protocol = rule.protocol === undefined ? undefined : PORT_PROTOCOLS[rule.protocol];
  const min = rule.portRangeMin;
  const max = rule.portRangeMax ?? min;
  const ports = protocol === undefined ? undefined : [{ protocol, ...(min !== undefined ? { port: min } : {}), ...(max !== undefined && min !== undefined && max > min ? { endPort: max } : {}) }];
  return { [side]: [peer(rule)], ...(ports ? { ports } : {}) };
}

export function desiredNetworkPolicy(sg: SecurityGroup): NetworkPolicy {
  const rules = (sg.spec.rules ?? []).filter(realizable);
  const ingress = rules.filter((r) => r.direction === 'ingress').map(policyRule);
  const egress = rules.filter((r) => r.direction === 'egress').map(policyRule);
  return {
    ...typeMeta(Resources.NetworkPolicy),
    metadata: {
      name: networkPolicyName(sg),
      namespace: sg.metadata.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: sg.spec.projectId, [GROUP_LABEL]: sg.metadata.name },
      annotations: { [GROUP_ID_ANNOTATION]: sg.metadata.name, 'openstack.sim/security-group-name': sg.spec.name },
      ownerReferences: [controllerReference(Resources.SecurityGroup, sg)],
    },
    spec: {
      podSelector: { matchLabels: { [securityGroupLabel(sg.metadata.name)]: 'member' } },
      // Both types always: a group without ingress rules lets nothing in, as in Neutron. Empty
      // lists are left out, as the apiserver stores them, so an unchanged policy compares equal.
      policyTypes: ['Ingress', 'Egress'],
      ...(ingress.length ? { ingress } : {}),
      ...(egress.length ? { egress } : {}),
    },
  };
}

export function unrealizedRules(sg: SecurityGroup): string[] {
  return (sg.spec.rules ?? []).filter((r) => !realizable(r)).map((r) => r.id);
}
