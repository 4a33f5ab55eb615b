// Nova (compute) v2.1, mounted at /compute.
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import { flavorExtraSpecRoutes } from './flavor-extra-specs/flavor-extra-specs.routes.js';
import { flavorRoutes } from './flavors/flavors.routes.js';
import { negotiate } from './microversion.js';
import { serverRoutes } from './servers/servers.routes.js';
import { versionRoutes } from './versions/versions.routes.js';

export function novaService(stores: Stores): ServiceDef {
  return {
    name: 'compute',
    faultStyle: 'nova',
    negotiate,
    routes: [...versionRoutes, ...serverRoutes(stores), ...flavorRoutes(stores), ...flavorExtraSpecRoutes(stores)],
  };
}
