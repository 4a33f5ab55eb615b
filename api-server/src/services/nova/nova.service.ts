// Nova (compute) v2.1, mounted at /compute.
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import type { PodLogReader } from '../../../../crds/client/client.js';
import type { ConsoleTokens } from '../../auth/token-provider.js';
import { remoteConsoleRoutes } from './remote-consoles/remote-consoles.routes.js';
import { flavorManageRoutes } from './flavor-manage/flavor-manage.routes.js';
import { flavorAccessRoutes } from './flavor-access/flavor-access.routes.js';
import type { ImageDataStore } from '../glance/image-data/image-data.store.js';
import { availabilityZoneRoutes } from './availability-zones/availability-zones.routes.js';
import { flavorExtraSpecRoutes } from './flavor-extra-specs/flavor-extra-specs.routes.js';
import { flavorRoutes } from './flavors/flavors.routes.js';
import { instanceActionRoutes } from './instance-actions/instance-actions.routes.js';
import { novaImageRoutes } from './images/images.routes.js';
import { serverMetadataRoutes } from './server-metadata/server-metadata.routes.js';
import { serverTagRoutes } from './server-tags/server-tags.routes.js';
import { serverTopologyRoutes } from './server-topology/server-topology.routes.js';
import { serverGroupRoutes } from './server-groups/server-groups.routes.js';
import { keypairRoutes } from './keypairs/keypairs.routes.js';
import { interfaceRoutes } from './interfaces/interfaces.routes.js';
import { negotiate } from './microversion.js';
import { novaSecurityGroupRoutes } from './security-groups/security-groups.routes.js';
import { serverIpsRoutes } from './server-ips/server-ips.routes.js';
import { serverActionRoutes } from './server-actions/server-actions.routes.js';
import { serverSecurityGroupRoutes } from './server-security-groups/server-security-groups.routes.js';
import { serverRoutes } from './servers/servers.routes.js';
import { versionRoutes } from './versions/versions.routes.js';
import { hypervisorRoutes } from './hypervisors/hypervisors.routes.js';
import { computeServiceRoutes } from './compute-services/compute-services.routes.js';
import { aggregateRoutes } from './aggregates/aggregates.routes.js';
import type { RegistryHome } from './aggregates/aggregates.registry.js';
import { migrationRoutes } from './migrations/migrations.routes.js';
import { simpleTenantUsageRoutes } from './simple-tenant-usage/simple-tenant-usage.routes.js';
import { volumeAttachmentRoutes } from './volume-attachments/volume-attachments.routes.js';
import type { QuotaAdmission } from '../../quota/quota.admission.js';
import { quotaSetRoutes } from './quota-sets/quota-sets.routes.js';
import { quotaClassSetRoutes } from './quota-class-sets/quota-class-sets.routes.js';
import { limitRoutes } from './limits/limits.routes.js';

// eslint-disable-next-line max-params -- each is a distinct dependency; the aggregates' ConfigMap home is the fifth, the quota admission the sixth
export function novaService(stores: Stores, data: ImageDataStore, podLogs: PodLogReader, consoleTokens: ConsoleTokens, aggregateHome: RegistryHome, quotas: QuotaAdmission): ServiceDef {
  return {
    name: 'compute',
    faultStyle: 'nova',
    negotiate,
    routes: [...versionRoutes, ...serverRoutes(stores, quotas), ...serverActionRoutes({ stores, data, podLogs, consoleTokens, quotas }), ...remoteConsoleRoutes({ stores, podLogs, consoleTokens }), ...instanceActionRoutes(stores), ...serverMetadataRoutes(stores), ...serverTagRoutes(stores), ...serverTopologyRoutes(stores), ...serverSecurityGroupRoutes(stores), ...novaSecurityGroupRoutes(stores), ...interfaceRoutes(stores), ...volumeAttachmentRoutes(stores), ...serverIpsRoutes(stores), ...flavorRoutes(stores), ...flavorExtraSpecRoutes(stores), ...flavorManageRoutes(stores), ...flavorAccessRoutes(stores), ...keypairRoutes(stores, quotas), ...serverGroupRoutes(stores, quotas), ...availabilityZoneRoutes(stores), ...novaImageRoutes(stores, data),
      ...hypervisorRoutes(stores), ...computeServiceRoutes(stores), ...aggregateRoutes({ stores, home: aggregateHome }), ...migrationRoutes(stores), ...simpleTenantUsageRoutes(stores),
      ...quotaSetRoutes(stores), ...quotaClassSetRoutes(stores), ...limitRoutes(stores)],
  };
}
