// Who sees which port: an admin every one; anyone else their project's own. (Neutron also shows a
// network owner the ports others made on it; here the network owner must be the port owner.)
import type { Port } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { neutronNotFound, requireOwner } from '../neutron.errors.js';

export function portVisible(p: Port, auth: AuthContext): boolean {
  return auth.isAdmin || p.spec.projectId === auth.projectId;
}

export function findPort(stores: Stores, auth: AuthContext, id: string): Port {
  const p = stores.ports.list().find((x) => x.metadata.name === id);
  if (!p || !portVisible(p, auth)) throw neutronNotFound('PortNotFound', `Port ${id} could not be found.`);
  return p;
}

export function findOwnPort(stores: Stores, auth: AuthContext, id: string, action: string): Port {
  const p = findPort(stores, auth, id);
  requireOwner(auth, p.spec.projectId, action);
  return p;
}
