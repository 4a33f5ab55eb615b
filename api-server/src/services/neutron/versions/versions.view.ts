// Neutron's version list and the v2.0 resource index (Tempest requires network, subnet and port
// in it; only the collections served are listed).
import type { Static } from '@sinclair/typebox';
import type { listResourcesResponse, listVersionsResponse } from './versions.schema.js';

/** The collections this API serves, by singular name. */
export const SERVED_COLLECTIONS: readonly { name: string; collection: string }[] = [
  { name: 'network', collection: 'networks' },
  { name: 'subnet', collection: 'subnets' },
  { name: 'subnetpool', collection: 'subnetpools' },
  { name: 'port', collection: 'ports' },
  { name: 'security_group', collection: 'security-groups' },
  { name: 'security_group_rule', collection: 'security-group-rules' },
  { name: 'router', collection: 'routers' },
  { name: 'floatingip', collection: 'floatingips' },
];

export function versionsView(base: string): Static<typeof listVersionsResponse> {
  return { versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${base}/network/v2.0/` }] }] };
}

export function resourcesView(base: string): Static<typeof listResourcesResponse> {
  return {
    resources: SERVED_COLLECTIONS.map((r) => ({ ...r, links: [{ rel: 'self', href: `${base}/network/v2.0/${r.collection}` }] })),
  };
}
