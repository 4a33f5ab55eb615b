// Neutron (network) v2.0, mounted at /network.
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import { extensionRoutes } from './extensions/extensions.routes.js';
import { findNetwork, findOwnNetwork } from './networks/networks.access.js';
import { networkRoutes } from './networks/networks.routes.js';
import { findOwnPort, findPort } from './ports/ports.access.js';
import { portRoutes } from './ports/ports.routes.js';
import { findOwnRouter, findRouter } from './routers/routers.access.js';
import { routerRoutes } from './routers/routers.routes.js';
import { securityGroupRuleRoutes } from './security-group-rules/security-group-rules.routes.js';
import { findOwnSecurityGroup, findSecurityGroup } from './security-groups/security-groups.access.js';
import { securityGroupRoutes } from './security-groups/security-groups.routes.js';
import { findOwnSubnet, findSubnet } from './subnets/subnets.access.js';
import { subnetRoutes } from './subnets/subnets.routes.js';
import { tagRoutes } from './tags/tags.routes.js';
import { versionRoutes } from './versions/versions.routes.js';

export function neutronService(stores: Stores): ServiceDef {
  const networks = {
    collection: 'networks',
    store: stores.networks,
    find: (auth: Parameters<typeof findNetwork>[1], id: string) => findNetwork(stores.networks, auth, id),
    findOwn: (auth: Parameters<typeof findNetwork>[1], id: string, action: string) => findOwnNetwork(stores.networks, auth, id, action),
  };
  const subnets = {
    collection: 'subnets',
    store: stores.subnets,
    find: (auth: Parameters<typeof findNetwork>[1], id: string) => findSubnet(stores, auth, id),
    findOwn: (auth: Parameters<typeof findNetwork>[1], id: string, action: string) => findOwnSubnet(stores, auth, id, action),
  };
  const ports = {
    collection: 'ports',
    store: stores.ports,
    find: (auth: Parameters<typeof findNetwork>[1], id: string) => findPort(stores, auth, id),
    findOwn: (auth: Parameters<typeof findNetwork>[1], id: string, action: string) => findOwnPort(stores, auth, id, action),
  };
  const securityGroups = {
    collection: 'security-groups',
    store: stores.securityGroups,
    find: (auth: Parameters<typeof findNetwork>[1], id: string) => findSecurityGroup(stores, auth, id),
    findOwn: (auth: Parameters<typeof findNetwork>[1], id: string, action: string) => findOwnSecurityGroup(stores, auth, id, action),
  };
  const routers = {
    collection: 'routers',
    store: stores.routers,
    find: (auth: Parameters<typeof findNetwork>[1], id: string) => findRouter(stores, auth, id),
    findOwn: (auth: Parameters<typeof findNetwork>[1], id: string, action: string) => findOwnRouter(stores, auth, id, action),
  };
  return {
    name: 'network',
    faultStyle: 'neutron',
    routes: [...versionRoutes, ...extensionRoutes, ...networkRoutes(stores), ...subnetRoutes(stores), ...portRoutes(stores),
      ...securityGroupRoutes(stores), ...securityGroupRuleRoutes(stores), ...routerRoutes(stores),
      ...tagRoutes(networks), ...tagRoutes(subnets), ...tagRoutes(ports), ...tagRoutes(securityGroups), ...tagRoutes(routers)],
  };
}
