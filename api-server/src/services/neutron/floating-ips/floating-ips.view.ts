// FloatingIP CR (and its port) → Neutron floatingip body. The status is the operator's while it
// describes the current association (its observedGeneration), DOWN otherwise: unassociated, or
// associated and not yet realized.
import type { Static } from '@sinclair/typebox';
import type { FloatingIP, Port } from '../../../../../crds/types.generated.js';
import { isoSeconds } from '../../../common/time.js';
import type { floatingIp } from './floating-ips.schema.js';

type FloatingIpBody = Static<typeof floatingIp>;

export function floatingIpStatus(f: FloatingIP): string {
  if (!f.spec.portId) return 'DOWN';
  const current = f.status?.observedGeneration !== undefined && f.status.observedGeneration === f.metadata.generation;
  return current ? (f.status?.status ?? 'DOWN') : 'DOWN';
}

function portDetails(port: Port | undefined): FloatingIpBody['port_details'] {
  if (!port) return null;
  return {
    name: port.spec.name,
    network_id: port.spec.networkId,
    mac_address: port.spec.macAddress,
    admin_state_up: port.spec.adminStateUp ?? true,
    status: port.status?.status ?? 'DOWN',
    device_id: port.spec.deviceId ?? '',
    device_owner: port.spec.deviceOwner ?? '',
  };
}

export function floatingIpView(f: FloatingIP, port: Port | undefined): FloatingIpBody {
  const created = isoSeconds(f.metadata.creationTimestamp ?? new Date());
  const associated = f.spec.portId !== undefined;
  return {
    id: f.metadata.name,
    floating_ip_address: f.spec.floatingIpAddress,
    floating_network_id: f.spec.floatingNetworkId,
    router_id: associated ? (f.spec.routerId ?? null) : null,
    port_id: f.spec.portId ?? null,
    fixed_ip_address: f.spec.fixedIpAddress ?? null,
    port_details: associated ? portDetails(port) : null,
    status: floatingIpStatus(f),
    tenant_id: f.spec.projectId,
    project_id: f.spec.projectId,
    description: f.spec.description ?? '',
    tags: f.spec.tags ?? [],
    created_at: created,
    updated_at: f.spec.updatedAt ? isoSeconds(f.spec.updatedAt) : created,
    revision_number: f.metadata.generation ?? 1,
  };
}
