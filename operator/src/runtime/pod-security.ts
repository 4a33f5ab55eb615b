// Tenant isolation by Pod Security Admission: one level, stated once, used both for the labels of
// every project namespace and for the securityContext of every tenant Pod, so the two cannot drift
// apart (a test checks the Pod against the level the namespace enforces).
//
// The level is "restricted". A tenant's server is a busybox-like container running a shell loop:
// it needs no root, no capabilities, no privilege escalation and no host access, so it passes
// restricted once it runs as an unprivileged user (busybox's image user is root, hence an explicit
// runAsUser below). "baseline" would still let a tenant image run as root with the default
// capability set; nothing a simulated VM does needs that, and tenants are untrusted. The cost: a
// tenant's own containerImage must work as a non-root user, as on OpenShift's restricted SCC.
import type { Container, PodSpec } from '../../../crds/kube-types.js';

export const POD_SECURITY_LEVEL = 'restricted';
/** The policy version: "latest" follows the cluster's own Kubernetes version. */
export const POD_SECURITY_VERSION = 'latest';

/** The nobody user and group: any non-zero id satisfies runAsNonRoot; this one owns nothing. */
export const TENANT_UID = 65534;

/** enforce rejects non-compliant Pods; warn and audit report them (to clients and the audit log). */
export function podSecurityLabels(): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const mode of ['enforce', 'warn', 'audit']) {
    labels[`pod-security.kubernetes.io/${mode}`] = POD_SECURITY_LEVEL;
    labels[`pod-security.kubernetes.io/${mode}-version`] = POD_SECURITY_VERSION;
  }
  return labels;
}

// crds/kube-types.ts does not type securityContext yet; these are the fields set here.
export interface PodSecurityContext {
  runAsNonRoot: boolean;
  runAsUser: number;
  runAsGroup: number;
  seccompProfile: { type: 'RuntimeDefault' };
}

export interface ContainerSecurityContext {
  allowPrivilegeEscalation: boolean;
  capabilities: { drop: string[] };
}

export type SecureContainer = Container & { securityContext: ContainerSecurityContext };
export type SecurePodSpec = PodSpec & { containers: SecureContainer[]; securityContext: PodSecurityContext };

export function tenantPodSecurityContext(): PodSecurityContext {
  return { runAsNonRoot: true, runAsUser: TENANT_UID, runAsGroup: TENANT_UID, seccompProfile: { type: 'RuntimeDefault' } };
}

export function tenantContainerSecurityContext(): ContainerSecurityContext {
  return { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
}
