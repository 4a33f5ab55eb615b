// Port CR → Neutron port body. The binding details beyond vnic_type are an admin's view, as in
// Neutron's policy; status is DOWN until a server uses the port.
import type { Static } from '@sinclair/typebox';
import type { Port } from '../../../../../crds/types.generated.js';
import { standardFields } from '../neutron.view.js';
import type { port } from './ports.schema.js';

type PortBody = Static<typeof port>;

function bindingView(p: Port): Record<string, unknown> {
  const host = p.spec.bindingHostId ?? '';
  return { 'binding:host_id': host, 'binding:vif_type': host ? 'ovs' : 'unbound', 'binding:profile': {}, 'binding:vif_details': {} };
}

function addresses(p: Port): Pick<PortBody, 'mac_address' | 'fixed_ips' | 'allowed_address_pairs'> {
  return {
    mac_address: p.spec.macAddress,
    fixed_ips: (p.spec.fixedIps ?? []).map((f) => ({ subnet_id: f.subnetId, ip_address: f.ipAddress })),
    allowed_address_pairs: (p.spec.allowedAddressPairs ?? []).map((a) => ({ ip_address: a.ipAddress, mac_address: a.macAddress ?? p.spec.macAddress })),
  };
}

function device(p: Port): Pick<PortBody, 'device_id' | 'device_owner' | 'status' | 'admin_state_up' | 'security_groups' | 'port_security_enabled'> {
  return {
    device_id: p.spec.deviceId ?? '',
    device_owner: p.spec.deviceOwner ?? '',
    status: p.status?.status ?? 'DOWN',
    admin_state_up: p.spec.adminStateUp ?? true,
    security_groups: p.spec.securityGroups ?? [],
    port_security_enabled: p.spec.portSecurityEnabled ?? true,
  };
}

export function portView(p: Port, isAdmin: boolean): PortBody {
  return {
    ...addresses(p),
    ...standardFields(p),
    ...device(p),
    id: p.metadata.name,
    name: p.spec.name,
    description: p.spec.description ?? '',
    network_id: p.spec.networkId,
    extra_dhcp_opts: [],
    'binding:vnic_type': 'normal',
    ...(isAdmin ? bindingView(p) : {}),
  };
}
