// Who sees which router (an admin every one, anyone else their project's own), and its ports.
import type { Port, Router } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { neutronNotFound, requireOwner } from '../neutron.errors.js';

export const INTERFACE_OWNER = 'network:router_interface';
export const GATEWAY_OWNER = 'network:router_gateway';

export function routerVisible(r: Router, auth: AuthContext): boolean {
  return auth.isAdmin || r.spec.projectId === auth.projectId;
}

export function findRouter(stores: Stores, auth: AuthContext, id: string): Router {
  const r = stores.routers.list().find((x) => x.metadata.name === id);
  if (!r || !routerVisible(r, auth)) throw neutronNotFound('RouterNotFound', `Router ${id} could not be found`);
  return r;
}

export function findOwnRouter(stores: Stores, auth: AuthContext, id: string, action: string): Router {
  const r = findRouter(stores, auth, id);
  requireOwner(auth, r.spec.projectId, action);
  return r;
}

export function interfacePorts(stores: Stores, r: Router): Port[] {
  return stores.ports.list().filter((p) => p.spec.deviceId === r.metadata.name && p.spec.deviceOwner === INTERFACE_OWNER);
}

export function gatewayPort(stores: Stores, r: Router): Port | undefined {
  const id = r.spec.externalGateway?.portId;
  return id ? stores.ports.list().find((p) => p.metadata.name === id) : undefined;
}
