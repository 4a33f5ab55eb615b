// Neutron (network) v2.0, mounted at /network.
import type { KubeObject } from '../../../../crds/kube-object.js';
import type { AuthContext, RouteDef } from '../../common/route.js';
import type { ServiceDef } from '../../common/router.js';
import type { ResourceStore } from '../../kube/store.js';
import type { Stores } from '../../deps.js';
import { extensionRoutes } from './extensions/extensions.routes.js';
import { findFloatingIp, findOwnFloatingIp } from './floating-ips/floating-ips.access.js';
import { floatingIpRoutes } from './floating-ips/floating-ips.routes.js';
import { findNetwork, findOwnNetwork } from './networks/networks.access.js';
import { networkRoutes } from './networks/networks.routes.js';
import { findOwnPort, findPort } from './ports/ports.access.js';
import { portRoutes } from './ports/ports.routes.js';
import { quotaRoutes } from './quotas/quotas.routes.js';
import { findOwnRouter, findRouter } from './routers/routers.access.js';
import { routerRoutes } from './routers/routers.routes.js';
import { securityGroupRuleRoutes } from './security-group-rules/security-group-rules.routes.js';
import { findOwnSecurityGroup, findSecurityGroup } from './security-groups/security-groups.access.js';
import { securityGroupRoutes } from './security-groups/security-groups.routes.js';
import { findOwnSubnetPool, findSubnetPool } from './subnet-pools/subnet-pools.access.js';
import { subnetPoolRoutes } from './subnet-pools/subnet-pools.routes.js';
import { findOwnSubnet, findSubnet } from './subnets/subnets.access.js';
import { subnetRoutes } from './subnets/subnets.routes.js';
import { tagRoutes } from './tags/tags.routes.js';
import { versionRoutes } from './versions/versions.routes.js';

type Lookup<T> = (stores: Stores, auth: AuthContext, id: string) => T;
type OwnLookup<T> = (stores: Stores, auth: AuthContext, id: string, action: string) => T;

/** The standard-attr-tag routes of one collection, through that resource's own lookups. */
function tagged<T extends KubeObject & { spec: { tags?: string[] } }>(stores: Stores, collection: string, store: ResourceStore<T>, lookups: [Lookup<T>, OwnLookup<T>]): RouteDef[] {
  const [find, findOwn] = lookups;
  return tagRoutes({ collection, store, find: (auth, id) => find(stores, auth, id), findOwn: (auth, id, action) => findOwn(stores, auth, id, action) });
}

export function neutronService(stores: Stores): ServiceDef {
  const tags = [
    ...tagged(stores, 'networks', stores.networks, [(s, a, id) => findNetwork(s.networks, a, id), (s, a, id, act) => findOwnNetwork(s.networks, a, id, act)]),
    ...tagged(stores, 'subnets', stores.subnets, [findSubnet, findOwnSubnet]),
    ...tagged(stores, 'ports', stores.ports, [findPort, findOwnPort]),
    ...tagged(stores, 'security-groups', stores.securityGroups, [findSecurityGroup, findOwnSecurityGroup]),
    ...tagged(stores, 'routers', stores.routers, [findRouter, findOwnRouter]),
    ...tagged(stores, 'floatingips', stores.floatingIPs, [findFloatingIp, findOwnFloatingIp]),
    ...tagged(stores, 'subnetpools', stores.subnetPools, [findSubnetPool, findOwnSubnetPool]),
  ];
  return {
    name: 'network',
    faultStyle: 'neutron',
    routes: [...versionRoutes, ...extensionRoutes, ...networkRoutes(stores), ...subnetRoutes(stores), ...subnetPoolRoutes(stores), ...portRoutes(stores),
      ...securityGroupRoutes(stores), ...securityGroupRuleRoutes(stores), ...routerRoutes(stores), ...floatingIpRoutes(stores), ...tags, ...quotaRoutes(stores)],
  };
}
