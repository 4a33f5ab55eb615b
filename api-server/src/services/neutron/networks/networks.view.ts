// Network CR → Neutron network body. Provider attributes are an admin's view only, as Neutron's
// policy hides them from everyone else. revision_number is the CR's generation.
import type { Static } from '@sinclair/typebox';
import type { Network } from '../../../../../crds/types.generated.js';
import { isoSeconds } from '../../../common/time.js';
import { subnetIdsOf } from '../subnets/subnets.registry.js';
import type { network } from './networks.schema.js';

type NetworkBody = Static<typeof network>;

function providerView(net: Network): Record<string, string | number | null> {
  const p = net.spec.provider;
  // A network made without provider attributes belongs to no physical network here: "local".
  return {
    'provider:network_type': p?.networkType ?? 'local',
    'provider:physical_network': p?.physicalNetwork ?? null,
    'provider:segmentation_id': p?.segmentationId ?? null,
  };
}

/** The attributes Neutron defaults when a request leaves them out. */
function defaulted(net: Network): Pick<NetworkBody, 'admin_state_up' | 'shared' | 'router:external' | 'mtu' | 'port_security_enabled' | 'availability_zone_hints' | 'tags' | 'description'> {
  const s = net.spec;
  return {
    description: s.description ?? '',
    admin_state_up: s.adminStateUp ?? true,
    shared: s.shared ?? false,
    'router:external': s.external ?? false,
    mtu: s.mtu ?? 1500,
    port_security_enabled: s.portSecurityEnabled ?? true,
    availability_zone_hints: s.availabilityZoneHints ?? [],
    tags: s.tags ?? [],
  };
}

/**
 * Views already built, per cached object: the informer replaces an object on every change, so an
 * entry is dropped with the version it describes, and a list of 1,000 networks does not rebuild
 * (and re-parse the subnet record of) every one on every request (B7).
 */
const built = { admin: new WeakMap<Network, NetworkBody>(), member: new WeakMap<Network, NetworkBody>() };

export function networkView(net: Network, isAdmin: boolean): NetworkBody {
  const cache = isAdmin ? built.admin : built.member;
  let view = cache.get(net);
  if (!view) cache.set(net, (view = buildNetworkView(net, isAdmin)));
  return view;
}

function buildNetworkView(net: Network, isAdmin: boolean): NetworkBody {
  const created = isoSeconds(net.metadata.creationTimestamp ?? new Date());
  return {
    ...defaulted(net),
    id: net.metadata.name,
    name: net.spec.name,
    tenant_id: net.spec.projectId,
    project_id: net.spec.projectId,
    // Neutron reports a network ACTIVE from its creation; there is nothing to wait for.
    status: net.status?.status ?? 'ACTIVE',
    subnets: subnetIdsOf(net),
    // Zones come from where a network is hosted (DHCP agents in Neutron); nothing hosts one yet.
    availability_zones: [],
    ipv4_address_scope: null,
    ipv6_address_scope: null,
    created_at: created,
    updated_at: net.spec.updatedAt ? isoSeconds(net.spec.updatedAt) : created,
    revision_number: net.metadata.generation ?? 1,
    ...(isAdmin ? providerView(net) : {}),
  };
}
