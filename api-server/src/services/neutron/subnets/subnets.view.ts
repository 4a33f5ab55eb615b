// Subnet CR → Neutron subnet body; revision_number is the CR's generation.
import type { Static } from '@sinclair/typebox';
import type { Subnet } from '../../../../../crds/types.generated.js';
import { standardFields } from '../neutron.view.js';
import type { subnet } from './subnets.schema.js';

type SubnetBody = Static<typeof subnet>;

function addressing(s: Subnet): Pick<SubnetBody, 'gateway_ip' | 'allocation_pools' | 'dns_nameservers' | 'host_routes' | 'ipv6_ra_mode' | 'ipv6_address_mode'> {
  return {
    gateway_ip: s.spec.gatewayIp ?? null,
    allocation_pools: s.spec.allocationPools ?? [],
    dns_nameservers: s.spec.dnsNameservers ?? [],
    host_routes: s.spec.hostRoutes ?? [],
    ipv6_ra_mode: s.spec.ipv6RaMode ?? null,
    ipv6_address_mode: s.spec.ipv6AddressMode ?? null,
  };
}

export function subnetView(s: Subnet): SubnetBody {
  return {
    ...standardFields(s),
    ...addressing(s),
    id: s.metadata.name,
    name: s.spec.name,
    description: s.spec.description ?? '',
    network_id: s.spec.networkId,
    ip_version: s.spec.ipVersion,
    cidr: s.spec.cidr,
    enable_dhcp: s.spec.enableDhcp ?? true,
    subnetpool_id: s.spec.subnetpoolId ?? null,
    segment_id: null,
    service_types: [],
  };
}
