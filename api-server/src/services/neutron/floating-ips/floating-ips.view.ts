// FloatingIP CR (and its port) → Neutron floatingip body. The status is the operator's while it
// describes the current association (its observedGeneration), DOWN otherwise: unassociated, or
// associated and not yet realized.
import type { Static } from '@sinclair/typebox';
import type { FloatingIP, Port } from '../../../../../crds/types.generated.js';
import { standardFields } from '../neutron.view.js';
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
  const associated = f.spec.portId !== undefined;
  return {
    ...standardFields(f),
    id: f.metadata.name,
    floating_ip_address: f.spec.floatingIpAddress,
    floating_network_id: f.spec.floatingNetworkId,
    router_id: associated ? (f.spec.routerId ?? null) : null,
    port_id: f.spec.portId ?? null,
    fixed_ip_address: f.spec.fixedIpAddress ?? null,
    port_details: associated ? portDetails(port) : null,
    status: floatingIpStatus(f),
    description: f.spec.description ?? '',
  };
}
