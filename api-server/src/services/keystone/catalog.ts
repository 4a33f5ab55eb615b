// The deployment's own catalog entries (the services this API server serves) and the service
// catalog tokens carry. The own entries follow the API server's configuration (public URL, region,
// the services it serves): they are built here, never stored, and cannot be changed or deleted
// through the API (403). Entries an admin adds (services, endpoints, regions) are stored in the
// catalog registry (catalog-registry/); GET /v3/services, /v3/endpoints, /v3/regions and every
// token's catalog are built from both, so they always agree. Each own service is one CatalogEntry;
// keystoneService's options may replace the table.
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { forbidden, type ApiError } from '../../common/errors.js';
import { responseObject } from '../../common/parameter-types.js';
import { nullableString } from './keystone.schema.js';
import { INTERFACES, type CatalogRegistry, type EndpointRecord, type RegionRecord, type ServiceRecord } from './catalog-registry/catalog-registry.js';

export interface CatalogEntry {
  type: string;
  name: string;
  /** Path below the public URL; "{project_id}" is replaced by the token's project. */
  path: string;
}

// Tempest reads region, keystoneauth region_id: both are present (wire contract §1.3); an added
// endpoint may have no region (null), as Keystone's.
const endpointSchema = responseObject({
  id: Type.String(),
  interface: Type.Union([Type.Literal('public'), Type.Literal('internal'), Type.Literal('admin')]),
  region_id: nullableString,
  region: nullableString,
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

/** Ids derived from content, so every replica and every restart shows the same catalog. */
function stableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

/** The deployment's own services, their endpoints (Tempest's admin clients default to the admin interface; all three share one URL) and its region. */
export interface FixedCatalog {
  services: ServiceRecord[];
  endpoints: EndpointRecord[];
  regions: RegionRecord[];
}

export function fixedCatalog(publicUrl: string, region: string, entries: readonly CatalogEntry[] = CORE_CATALOG): FixedCatalog {
  const root = publicUrl.replace(/\/+$/, '');
  return {
    services: entries.map((e) => ({ id: stableId(e.type), type: e.type, name: e.name, description: '', enabled: true })),
    endpoints: entries.flatMap((e) => INTERFACES.map((iface) => ({
      id: stableId(e.type, iface, region),
      serviceId: stableId(e.type),
      interface: iface,
      regionId: region,
      url: `${root}${e.path.replace('{project_id}', '$(project_id)s')}`,
      enabled: true,
    }))),
    regions: [{ id: region, description: '', parentRegionId: null }],
  };
}

/** The whole catalog: the deployment's own entries and those added through the API. */
export interface CatalogState {
  fixed: FixedCatalog;
  added: CatalogRegistry;
}

export const allServices = (s: CatalogState): ServiceRecord[] => [...s.fixed.services, ...s.added.services];
export const allEndpoints = (s: CatalogState): EndpointRecord[] => [...s.fixed.endpoints, ...s.added.endpoints];
export const allRegions = (s: CatalogState): RegionRecord[] => [...s.fixed.regions, ...s.added.regions];

export type CatalogKind = 'service' | 'endpoint' | 'region';

export function isFixedEntry(s: CatalogState, kind: CatalogKind, id: string): boolean {
  const list: { id: string }[] = kind === 'service' ? s.fixed.services : kind === 'endpoint' ? s.fixed.endpoints : s.fixed.regions;
  return list.some((e) => e.id === id);
}

/** The refusal of a change to one of the deployment's own entries, naming the Keystone rule. */
export function fixedEntry(action: string, kind: CatalogKind, id: string): ApiError {
  return forbidden(`You are not authorized to perform the requested action: identity:${action}_${kind}. The ${kind} ${id} is one of this deployment's own catalog entries, set by the API server's configuration; it cannot be changed or deleted through the API.`);
}

export interface CatalogScope {
  /** The token's project; without one (a domain- or system-scoped token) per-project endpoints are left out. */
  projectId?: string;
  userId: string;
}

const TEMPLATE = /\$\(([a-z_]+)\)s/g;

/** An endpoint's URL for a token, or undefined when its template names something the token lacks (Keystone leaves such endpoints out). */
function endpointUrl(template: string, scope: CatalogScope): string | undefined {
  const values: Record<string, string | undefined> = { project_id: scope.projectId, tenant_id: scope.projectId, user_id: scope.userId };
  let missing = false;
  const url = template.replace(TEMPLATE, (_, key: string) => values[key] ?? ((missing = true), ''));
  return missing ? undefined : url;
}

/**
 * A token's catalog: the enabled services with their enabled endpoints. Keystone leaves out an
 * endpoint whose URL needs a project the token does not have, and a service with no endpoint left,
 * so domain- and system-scoped tokens have no block storage entries.
 */
export function tokenCatalog(state: CatalogState, scope: CatalogScope): CatalogService[] {
  const endpoints = allEndpoints(state).filter((e) => e.enabled);
  return allServices(state).filter((s) => s.enabled).map((service) => ({
    id: service.id,
    type: service.type,
    name: service.name,
    endpoints: endpoints.filter((e) => e.serviceId === service.id).flatMap((e) => {
      const url = endpointUrl(e.url, scope);
      return url === undefined ? [] : [{ id: e.id, interface: e.interface, region_id: e.regionId, region: e.regionId, url }];
    }),
  })).filter((s) => s.endpoints.length > 0);
}
