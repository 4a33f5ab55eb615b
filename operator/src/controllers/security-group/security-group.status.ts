// A SecurityGroup's status as a pure function of its NetworkPolicy: Ready once the policy matches
// the rules; the rules a NetworkPolicy cannot express listed, and said in the message.
import type { SecurityGroup, SecurityGroupStatus } from '../../../../crds/types.generated.js';
import type { NetworkPolicy } from '../../../../crds/kube-types.js';
import { setConditions } from '../../runtime/conditions.js';
import { unrealizedRules } from './security-group.resources.js';

export const SecurityGroupReason = {
  PolicyApplied: 'NetworkPolicyApplied',
  PolicyConflict: 'NetworkPolicyConflict',
  ReconcileSuccess: 'ReconcileSuccess',
  ReconcileError: 'ReconcileError',
} as const;

export function computeSecurityGroupStatus(sg: SecurityGroup, policy: NetworkPolicy | undefined, now: Date, conflict?: string): SecurityGroupStatus {
  const observedGeneration = sg.metadata.generation;
  const unrealized = unrealizedRules(sg);
  const note = unrealized.length ? `; ${unrealized.length} rule(s) need a protocol a NetworkPolicy cannot express and allow nothing` : '';
  const ready = conflict
    ? { status: 'False' as const, reason: SecurityGroupReason.PolicyConflict, message: conflict }
    : { status: 'True' as const, reason: SecurityGroupReason.PolicyApplied, message: `NetworkPolicy ${policy?.metadata.name ?? ''} matches the rules${note}` };
  const synced = conflict
    ? { status: 'False' as const, reason: SecurityGroupReason.ReconcileError, message: conflict }
    : { status: 'True' as const, reason: SecurityGroupReason.ReconcileSuccess, message: 'Reconciled' };
  const conditions = setConditions(sg.status?.conditions, [{ type: 'Ready', ...ready, observedGeneration }, { type: 'Synced', ...synced, observedGeneration }], now);
  return {
    ...(policy && !conflict ? { networkPolicy: policy.metadata.name } : {}),
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    unrealizedRules: unrealized,
    conditions,
  };
}
