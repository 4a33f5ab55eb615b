// Neutron subnet requests → Subnet custom resources (snake_case in, camelCase out).
import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Subnet, SubnetSpec } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { toBool } from '../neutron.errors.js';
import type { createSubnetBody, updateSubnetBody } from './subnets.schema.js';

export type CreateSubnetRequest = Static<typeof createSubnetBody>['subnet'];
export type UpdateSubnetRequest = Static<typeof updateSubnetBody>['subnet'];

export function newSubnetId(): string {
  return randomUUID();
}

export function toSubnetResource(id: string, projectId: string, spec: Omit<SubnetSpec, 'projectId' | 'tags' | 'updatedAt'>, now: Date): Subnet {
  return {
    ...typeMeta(Resources.Subnet),
    metadata: {
      name: id,
      namespace: projectNamespace(projectId),
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: projectId, 'openstack.sim/network-id': spec.networkId },
    },
    spec: { ...spec, projectId, tags: [], updatedAt: now.toISOString() },
  };
}

/** The plain fields an update changes as they arrive; addresses are checked by the handler. */
export function plainChanges(req: UpdateSubnetRequest): Partial<SubnetSpec> {
  const out: Partial<SubnetSpec> = {};
  if (req.name !== undefined) out.name = req.name;
  if (req.description !== undefined) out.description = req.description;
  if (req.enable_dhcp !== undefined) out.enableDhcp = toBool(req.enable_dhcp);
  return out;
}
