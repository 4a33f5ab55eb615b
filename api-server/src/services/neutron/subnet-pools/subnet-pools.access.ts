// Who sees which subnet pool: an admin every one, anyone else their project's own and the shared
// ones (as Neutron's policy); the default pool of a version, for use_default_subnetpool.
import type { SubnetPool } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { neutronBadRequest, neutronNotFound, requireOwner } from '../neutron.errors.js';

export function subnetPoolVisible(p: SubnetPool, auth: AuthContext): boolean {
  return auth.isAdmin || p.spec.projectId === auth.projectId || (p.spec.shared ?? false);
}

export function findSubnetPool(stores: Stores, auth: AuthContext, id: string): SubnetPool {
  const p = stores.subnetPools.list().find((x) => x.metadata.name === id);
  if (!p || !subnetPoolVisible(p, auth)) throw neutronNotFound('SubnetPoolNotFound', `Subnet pool ${id} could not be found.`);
  return p;
}

export function findOwnSubnetPool(stores: Stores, auth: AuthContext, id: string, action: string): SubnetPool {
  const p = findSubnetPool(stores, auth, id);
  requireOwner(auth, p.spec.projectId, action);
  return p;
}

export function defaultSubnetPool(stores: Stores, auth: AuthContext, version: number): SubnetPool {
  const p = stores.subnetPools.list().find((x) => x.spec.isDefault && x.spec.ipVersion === version && subnetPoolVisible(x, auth));
  if (!p) throw neutronBadRequest(`Bad subnets request: No default subnetpool found for IPv${version}.`);
  return p;
}
