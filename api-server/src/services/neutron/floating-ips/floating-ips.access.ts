// Who sees which floating IP (an admin every one, anyone else their project's own), and the
// floating IPs bound to a port or routed through a router.
import type { FloatingIP } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { neutronNotFound, requireOwner } from '../neutron.errors.js';

export const FLOATING_IP_OWNER = 'network:floatingip';

export function floatingIpVisible(f: FloatingIP, auth: AuthContext): boolean {
  return auth.isAdmin || f.spec.projectId === auth.projectId;
}

export function findFloatingIp(stores: Stores, auth: AuthContext, id: string): FloatingIP {
  const f = stores.floatingIPs.list().find((x) => x.metadata.name === id);
  if (!f || !floatingIpVisible(f, auth)) throw neutronNotFound('FloatingIPNotFound', `Floating IP ${id} could not be found`);
  return f;
}

export function findOwnFloatingIp(stores: Stores, auth: AuthContext, id: string, action: string): FloatingIP {
  const f = findFloatingIp(stores, auth, id);
  requireOwner(auth, f.spec.projectId, action);
  return f;
}

export function floatingIpsOfPort(stores: Stores, portId: string): FloatingIP[] {
  return stores.floatingIPs.list().filter((f) => f.spec.portId === portId);
}

export function floatingIpsViaRouter(stores: Stores, routerId: string): FloatingIP[] {
  return stores.floatingIPs.list().filter((f) => f.spec.portId && f.spec.routerId === routerId);
}
