// Neutron request bodies → Network custom resources: the one place where the API's snake_case
// meets the CR's camelCase on the way in.
import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Network, NetworkSpec } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { toBool } from '../neutron.errors.js';
import type { ProviderRequest } from './networks.segments.js';
import type { createNetworkBody, updateNetworkBody } from './networks.schema.js';

type CreateRequest = Static<typeof createNetworkBody>['network'];
type UpdateRequest = Static<typeof updateNetworkBody>['network'];

export function providerRequest(req: CreateRequest | UpdateRequest): ProviderRequest {
  return {
    networkType: req['provider:network_type'],
    physicalNetwork: req['provider:physical_network'],
    segmentationId: req['provider:segmentation_id'],
  };
}

export function hasProviderAttributes(req: CreateRequest | UpdateRequest): boolean {
  return Object.keys(req).some((k) => k.startsWith('provider:'));
}

/** The spec fields an update may change, as they arrive (absent keys are left alone). */
export function specChanges(req: UpdateRequest): Partial<NetworkSpec> {
  const out: Partial<NetworkSpec> = {};
  if (req.name !== undefined) out.name = req.name;
  if (req.description !== undefined) out.description = req.description;
  if (req.admin_state_up !== undefined) out.adminStateUp = toBool(req.admin_state_up);
  if (req.shared !== undefined) out.shared = toBool(req.shared);
  if (req['router:external'] !== undefined) out.external = toBool(req['router:external']);
  if (req.mtu !== undefined) out.mtu = req.mtu;
  if (req.port_security_enabled !== undefined) out.portSecurityEnabled = toBool(req.port_security_enabled);
  return out;
}

export function toNetworkResource(projectId: string, req: CreateRequest, now: Date): Network {
  const id = randomUUID();
  return {
    ...typeMeta(Resources.Network),
    metadata: {
      name: id,
      namespace: projectNamespace(projectId),
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: projectId },
    },
    spec: {
      name: req.name ?? '',
      description: req.description ?? '',
      projectId,
      adminStateUp: toBool(req.admin_state_up) ?? true,
      shared: toBool(req.shared) ?? false,
      external: toBool(req['router:external']) ?? false,
      mtu: req.mtu ?? 1500,
      portSecurityEnabled: toBool(req.port_security_enabled) ?? true,
      availabilityZoneHints: req.availability_zone_hints ?? [],
      tags: [],
      updatedAt: now.toISOString(),
    },
  };
}
