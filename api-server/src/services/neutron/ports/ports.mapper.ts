// Neutron port requests → Port custom resources (snake_case in, camelCase out).
import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Port, PortSpec } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { toBool } from '../neutron.errors.js';
import type { createPortRequest, updatePortBody } from './ports.schema.js';

export type CreatePortRequest = Static<typeof createPortRequest>;
export type UpdatePortRequest = Static<typeof updatePortBody>['port'];

export function newPortId(): string {
  return randomUUID();
}

export function allowedPairs(req: CreatePortRequest | UpdatePortRequest): PortSpec['allowedAddressPairs'] {
  return req.allowed_address_pairs?.map((p) => ({ ipAddress: p.ip_address, ...(p.mac_address ? { macAddress: p.mac_address.toLowerCase() } : {}) }));
}

/** The plain fields a create or update sets as they arrive (addresses are allocated by the handler). */
export function plainFields(req: CreatePortRequest | UpdatePortRequest): Partial<PortSpec> {
  const out: Partial<PortSpec> = {};
  if (req.name !== undefined) out.name = req.name;
  if (req.description !== undefined) out.description = req.description;
  if (req.admin_state_up !== undefined) out.adminStateUp = toBool(req.admin_state_up);
  if (req.device_id !== undefined) out.deviceId = req.device_id;
  if (req.device_owner !== undefined) out.deviceOwner = req.device_owner;
  if (req.port_security_enabled !== undefined) out.portSecurityEnabled = toBool(req.port_security_enabled);
  if (req['binding:host_id'] !== undefined) out.bindingHostId = req['binding:host_id'];
  if (req.allowed_address_pairs !== undefined) out.allowedAddressPairs = allowedPairs(req);
  return out;
}

export function toPortResource(id: string, projectId: string, spec: Omit<PortSpec, 'projectId' | 'tags' | 'updatedAt'>, now: Date): Port {
  return {
    ...typeMeta(Resources.Port),
    metadata: {
      name: id,
      namespace: projectNamespace(projectId),
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: projectId, 'openstack.sim/network-id': spec.networkId },
    },
    spec: { ...spec, projectId, tags: [], updatedAt: now.toISOString() },
  };
}
