// Who sees which subnet: an admin every one; anyone else their project's own and those on a
// shared or external network. Changing one needs its owner or an admin.
import type { Subnet } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { neutronNotFound, requireOwner } from '../neutron.errors.js';

export function subnetVisible(stores: Stores, s: Subnet, auth: AuthContext): boolean {
  if (auth.isAdmin || s.spec.projectId === auth.projectId) return true;
  const net = stores.networks.list().find((n) => n.metadata.name === s.spec.networkId);
  return net?.spec.shared === true || net?.spec.external === true;
}

export function findSubnet(stores: Stores, auth: AuthContext, id: string): Subnet {
  const s = stores.subnets.list().find((x) => x.metadata.name === id);
  if (!s || !subnetVisible(stores, s, auth)) throw neutronNotFound('SubnetNotFound', `Subnet ${id} could not be found.`);
  return s;
}

export function findOwnSubnet(stores: Stores, auth: AuthContext, id: string, action: string): Subnet {
  const s = findSubnet(stores, auth, id);
  requireOwner(auth, s.spec.projectId, action);
  return s;
}
