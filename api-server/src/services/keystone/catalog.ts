// The service catalog in tokens and GET /v3/auth/catalog. Each service is one CatalogEntry;
// services added later (network, volumev3, block-storage...) append entries when wiring
// keystoneService, so this module does not need to know about them.
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { responseObject } from '../../common/parameter-types.js';

export interface CatalogEntry {
  type: string;
  name: string;
  /** Path below the public URL; "{project_id}" is replaced by the token's project. */
  path: string;
}

// Tempest reads region, keystoneauth region_id: both are required (wire contract §1.3).
const endpointSchema = responseObject({
  id: Type.String(),
  interface: Type.Union([Type.Literal('public'), Type.Literal('internal'), Type.Literal('admin')]),
  region_id: Type.String(),
  region: Type.String(),
  url: Type.String(),
});

export const catalogSchema = Type.Array(
  responseObject({ id: Type.String(), type: Type.String(), name: Type.String(), endpoints: Type.Array(endpointSchema) }),
);

export type CatalogService = Static<typeof catalogSchema>[number];

export const CORE_CATALOG: readonly CatalogEntry[] = [
  { type: 'identity', name: 'keystone', path: '/identity' },
  { type: 'compute', name: 'nova', path: '/compute/v2.1' },
  { type: 'image', name: 'glance', path: '/image' },
  { type: 'network', name: 'neutron', path: '/network' },
  { type: 'block-storage', name: 'cinder', path: '/volume/v3/{project_id}' },
  { type: 'volumev3', name: 'cinderv3', path: '/volume/v3/{project_id}' },
];

// Tempest's admin clients default to the admin interface and fall back to the first endpoint;
// all three point at the same URL here.
const INTERFACES = ['public', 'internal', 'admin'] as const;

/** Ids derived from content, so every replica and every restart shows the same catalog. */
function stableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

export interface CatalogScope {
  publicUrl: string;
  region: string;
  projectId: string;
}

export function buildCatalog(scope: CatalogScope, entries: readonly CatalogEntry[] = CORE_CATALOG): CatalogService[] {
  const root = scope.publicUrl.replace(/\/+$/, '');
  return entries.map((entry) => {
    const url = `${root}${entry.path.replace('{project_id}', scope.projectId)}`;
    return {
      id: stableId(entry.type),
      type: entry.type,
      name: entry.name,
      endpoints: INTERFACES.map((iface) => ({
        id: stableId(entry.type, iface, scope.region),
        interface: iface,
        region_id: scope.region,
        region: scope.region,
        url,
      })),
    };
  });
}
