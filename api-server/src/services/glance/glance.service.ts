// Glance (image) v2, mounted at /image.
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import { imageRoutes } from './images/images.routes.js';
import { versionRoutes } from './versions/versions.routes.js';

export function glanceService(stores: Stores): ServiceDef {
  return { name: 'image', faultStyle: 'glance', strictSlash: true, routes: [...versionRoutes, ...imageRoutes(stores)] };
}
