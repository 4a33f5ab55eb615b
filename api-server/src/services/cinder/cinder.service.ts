// Cinder (block-storage) v3, mounted at /volume: volumes, their actions and metadata, snapshots,
// volume types, transfers, attachments (3.27), availability zones, quota sets, quota classes and
// limits, all under /v3/{project_id}.
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import type { ImageDataStore } from '../glance/image-data/image-data.store.js';
import { attachmentRoutes } from './attachments/attachments.routes.js';
import { availabilityZoneRoutes } from './availability-zones/availability-zones.routes.js';
import { at, negotiate } from './cinder.microversion.js';
import { pathAuth } from './cinder.errors.js';
import { extensionRoutes } from './extensions/extensions.routes.js';
import { metadataRoutes } from '../../common/metadata/metadata.routes.js';
import { limitsRoutes } from './limits/limits.routes.js';
import { quotaSetRoutes } from './quota-sets/quota-sets.routes.js';
import { snapshotRoutes } from './snapshots/snapshots.routes.js';
import { versionRoutes } from './versions/versions.routes.js';
import { volumeActionRoutes } from './volume-actions/volume-actions.routes.js';
import { volumeTransferRoutes } from './volume-transfers/volume-transfers.routes.js';
import { volumeTypeRoutes } from './volume-types/volume-types.routes.js';
import { findVolume } from './volumes/volumes.access.js';
import { volumeRoutes } from './volumes/volumes.routes.js';

export function cinderService(stores: Stores, data: ImageDataStore): ServiceDef {
  const volumeMetadata = metadataRoutes('/v3/:projectId/volumes/:volumeId', { store: stores.volumes, find: (ctx) => findVolume(stores, pathAuth(ctx), ctx.params.volumeId), etags: (ctx) => at(ctx.microversion, 'ETAGS') });
  return {
    name: 'block-storage',
    faultStyle: 'nova',
    negotiate,
    routes: [...versionRoutes, ...volumeRoutes(stores), ...volumeActionRoutes(stores, data), ...volumeMetadata, ...snapshotRoutes(stores), ...volumeTypeRoutes(stores), ...volumeTransferRoutes(stores), ...attachmentRoutes(stores), ...availabilityZoneRoutes(stores), ...extensionRoutes, ...quotaSetRoutes(stores), ...limitsRoutes(stores)],
  };
}
