// Every controller the operator runs. Adding a kind is one entry here (its definition, made with
// defineController next to its reconciler), plus a line in caches.ts if it reads a new kind.
import { addressAllocationController } from './address-allocation/address-allocation.controller.js';
import { nameClaimController } from './name-claim/name-claim.controller.js';
import { instanceActionController } from './instance-action/instance-action.controller.js';
import { floatingIpController } from './floating-ip/floating-ip.controller.js';
import { projectController } from './project/project.controller.js';
import type { RegisteredController } from './registry.js';
import { securityGroupController } from './security-group/security-group.controller.js';
import { serverController } from './server/server.controller.js';
import { snapshotController } from './snapshot/snapshot.controller.js';
import { volumeController } from './volume/volume.controller.js';
import { quotaClaimsController } from './quota/quota-claims.controller.js';
import { resourceQuotaController } from './quota/resource-quota.controller.js';

export const CONTROLLERS: readonly RegisteredController[] = [serverController, projectController, securityGroupController, floatingIpController, addressAllocationController, volumeController, snapshotController, instanceActionController, nameClaimController, quotaClaimsController, resourceQuotaController];
