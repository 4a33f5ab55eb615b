// Glance (image) v2, mounted at /image: images, their data, members and schemas.
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import type { ImageDataStore } from './image-data/image-data.store.js';
import { imageDataRoutes } from './image-data/image-data.routes.js';
import { imageMemberRoutes } from './image-members/image-members.routes.js';
import { imageRoutes } from './images/images.routes.js';
import { schemaRoutes } from './schemas/schemas.routes.js';
import { versionRoutes } from './versions/versions.routes.js';

export function glanceService(stores: Stores, data: ImageDataStore): ServiceDef {
  return {
    name: 'image',
    faultStyle: 'glance',
    strictSlash: true,
    routes: [...versionRoutes, ...imageRoutes(stores, data), ...imageDataRoutes(stores, data), ...imageMemberRoutes(stores), ...schemaRoutes()],
  };
}
