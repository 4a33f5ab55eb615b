// Filtering, sorting and paging of GET /v2.0/networks: any attribute filters (a repeated key is an
// OR), booleans as Python clients send them, the tag filters and changed_since, sort keys and
// directions in pairs, limit/marker, and fields=.
import type { Network } from '../../../../../crds/types.generated.js';
import { anyOf, tagFilters, type FilterMatcher, type ListSpec, type SortValue } from '../../../common/list-query.js';
import { boolFilter, changedSince } from '../neutron.query.js';
import { networkView } from './networks.view.js';

const adminOnly = (m: FilterMatcher<Network>): FilterMatcher<Network> => (values, auth) => (auth.isAdmin ? m(values, auth) : undefined);

const attribute = (n: Network): ReturnType<typeof networkView> => networkView(n, true);

const SORT_KEYS: Record<string, (n: Network) => SortValue> = {
  id: (n) => n.metadata.name,
  name: (n) => n.spec.name,
  description: (n) => n.spec.description ?? '',
  status: (n) => attribute(n).status,
  admin_state_up: (n) => n.spec.adminStateUp ?? true,
  shared: (n) => n.spec.shared ?? false,
  mtu: (n) => n.spec.mtu ?? 1500,
  tenant_id: (n) => n.spec.projectId,
  project_id: (n) => n.spec.projectId,
  created_at: (n) => attribute(n).created_at,
  updated_at: (n) => attribute(n).updated_at,
  revision_number: (n) => n.metadata.generation ?? 1,
};

export const networkListSpec: ListSpec<Network> = {
  collection: 'networks',
  filters: {
    id: anyOf((n) => n.metadata.name),
    name: anyOf((n) => n.spec.name),
    description: anyOf((n) => n.spec.description ?? ''),
    status: anyOf((n) => attribute(n).status),
    tenant_id: anyOf((n) => n.spec.projectId),
    project_id: anyOf((n) => n.spec.projectId),
    mtu: anyOf((n) => n.spec.mtu ?? 1500),
    revision_number: anyOf((n) => n.metadata.generation ?? 1),
    admin_state_up: boolFilter<Network>((n) => n.spec.adminStateUp ?? true),
    shared: boolFilter((n) => n.spec.shared ?? false),
    'router:external': boolFilter((n) => n.spec.external ?? false),
    port_security_enabled: boolFilter((n) => n.spec.portSecurityEnabled ?? true),
    availability_zone_hints: anyOf((n) => n.spec.availabilityZoneHints ?? []),
    'provider:network_type': adminOnly(anyOf((n) => n.spec.provider?.networkType ?? 'local')),
    'provider:physical_network': adminOnly(anyOf((n) => n.spec.provider?.physicalNetwork)),
    'provider:segmentation_id': adminOnly(anyOf((n) => n.spec.provider?.segmentationId)),
    changed_since: changedSince<Network>((n) => networkView(n, true).updated_at),
    ...tagFilters<Network>((n) => n.spec.tags ?? []),
  },
  sortKeys: SORT_KEYS,
  defaultSort: { key: 'id', dir: 'asc' },
  pairedSortDirs: true,
  idOf: (n) => n.metadata.name,
  maxLimit: 10_000,
  markerNotFound: (marker) => `Network ${marker} could not be found.`,
  fields: true,
};
