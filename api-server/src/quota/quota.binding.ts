// The quota admission a service's shared functions find from the stores they were handed.
// Neutron's and Cinder's functions take the stores as their one connection to the cluster, and
// Nova calls some of them with its own (a server's ports, its default security group, a boot
// volume), as Nova calls Neutron's and Cinder's APIs. allServices binds deps.quotas to the
// stores, so those calls are admitted as a tenant's own requests are, without Nova carrying the
// other services' dependencies. One admission per app, so its group commit sees every request.
import type { QuotaAdmission } from './quota.admission.js';

const bound = new WeakMap<object, QuotaAdmission>();

export function bindQuotas(stores: object, quotas: QuotaAdmission): void {
  bound.set(stores, quotas);
}

/** The admission bound to these stores; none bound is a wiring bug, never "no quotas". */
export function quotasOf(stores: object): QuotaAdmission {
  const quotas = bound.get(stores);
  if (!quotas) throw new Error('no quota admission is bound to these stores (allServices binds deps.quotas)');
  return quotas;
}
