// Neutron's quota bodies: each counted resource's limit, or its {used, limit, reserved}. Nothing
// is ever reserved here: a claim is admitted and recorded in one write.
import type { Quota } from '../../../../../crds/types.generated.js';
import { projectLimit, type Limits } from '../../../quota/quota.defaults.js';
import { usageOf } from '../../../quota/quota.ledger.js';
import { NETWORK_RESOURCES, type NetworkResource } from './quotas.admission.js';

export type QuotaLimitsView = Record<NetworkResource, number>;
export type QuotaDetailsView = Record<NetworkResource, { used: number; limit: number; reserved: number }>;

export function quotaLimitsView(quota: Quota | undefined, defaults: Limits): QuotaLimitsView {
  return Object.fromEntries(NETWORK_RESOURCES.map((r) => [r, projectLimit(quota, defaults, r)])) as QuotaLimitsView;
}

export function quotaDetailsView(quota: Quota | undefined, defaults: Limits): QuotaDetailsView {
  const used = usageOf(quota);
  return Object.fromEntries(NETWORK_RESOURCES.map((r) => [r, { used: used[r] ?? 0, limit: projectLimit(quota, defaults, r), reserved: 0 }])) as QuotaDetailsView;
}

/** An entry of the admin's list: the project's limits, and whose they are. */
export function projectQuotaView(projectId: string, quota: Quota, defaults: Limits): QuotaLimitsView & { project_id: string; tenant_id: string } {
  return { ...quotaLimitsView(quota, defaults), project_id: projectId, tenant_id: projectId };
}
