// A FloatingIP's status as a pure function of its association and Service: ACTIVE once an
// associated floating IP's Service matches it, DOWN while it is unassociated (no Service), as
// Neutron reports them; Ready says the same in Kubernetes' terms.
import type { FloatingIP, FloatingIPStatus } from '../../../../crds/types.generated.js';
import type { Service } from '../../../../crds/kube-types.js';
import { setConditions } from '../../runtime/conditions.js';

export const FloatingIpReason = {
  ServiceApplied: 'ServiceApplied',
  Unassociated: 'Unassociated',
  ServiceConflict: 'ServiceConflict',
  ReconcileSuccess: 'ReconcileSuccess',
  ReconcileError: 'ReconcileError',
} as const;

function ready(f: FloatingIP, service: Service | undefined, conflict: string | undefined): { status: 'True' | 'False'; reason: string; message: string } {
  if (conflict) return { status: 'False', reason: FloatingIpReason.ServiceConflict, message: conflict };
  if (!f.spec.portId) return { status: 'True', reason: FloatingIpReason.Unassociated, message: 'Not associated with a port: no Service' };
  return { status: 'True', reason: FloatingIpReason.ServiceApplied, message: `Service ${service?.metadata.name ?? ''} carries ${f.spec.floatingIpAddress} for ${f.spec.fixedIpAddress ?? ''}` };
}

export function computeFloatingIpStatus(f: FloatingIP, service: Service | undefined, now: Date, conflict?: string): FloatingIPStatus {
  const observedGeneration = f.metadata.generation;
  const r = ready(f, service, conflict);
  const synced = conflict
    ? { status: 'False' as const, reason: FloatingIpReason.ReconcileError, message: conflict }
    : { status: 'True' as const, reason: FloatingIpReason.ReconcileSuccess, message: 'Reconciled' };
  const conditions = setConditions(f.status?.conditions, [{ type: 'Ready', ...r, observedGeneration }, { type: 'Synced', ...synced, observedGeneration }], now);
  const active = !conflict && f.spec.portId !== undefined && service !== undefined;
  return {
    status: conflict ? 'ERROR' : active ? 'ACTIVE' : 'DOWN',
    ...(active ? { service: service.metadata.name } : {}),
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    conditions,
  };
}
