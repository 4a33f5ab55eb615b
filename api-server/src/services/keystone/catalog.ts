// The service catalog in tokens and GET /v3/auth/catalog, and the rows GET /v3/services,
// /v3/endpoints and /v3/regions list: one fixed table, so every view shows the same ids, types,
// names, URLs, interfaces and region. Each service is one CatalogEntry; keystoneService's options
// may replace the table, and this module does not need to know about the services themselves.
//
// The catalog is fixed: it follows the API server's configuration (public URL, region, the
// services it serves), so no one may write services, endpoints or regions. Every write is a 403,
// for admins too, as Keystone answers with those policies set to "!" (nobody); Keystone's templated
// catalog backend would answer 501, but a 5xx tells clients the server failed, which it did not.
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { forbidden, type ApiError } from '../../common/errors.js';
import { noQuery, responseObject } from '../../common/parameter-types.js';
import { defineRoute, type HttpMethod, type RouteDef } from '../../common/route.js';

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
  /** The token's project; without one (a domain- or system-scoped token) per-project endpoints are left out. */
  projectId?: string;
}

const PROJECT_PLACEHOLDER = '{project_id}';

/** The catalog's fixed rows, each endpoint with its URL template (Keystone's $(project_id)s form). */
export interface CatalogRow {
  service: { id: string; type: string; name: string };
  endpoints: { id: string; interface: (typeof INTERFACES)[number]; region: string; urlTemplate: string }[];
}

/** Every service and endpoint of the catalog, as /v3/services and /v3/endpoints list them. */
export function catalogRows(publicUrl: string, region: string, entries: readonly CatalogEntry[] = CORE_CATALOG): CatalogRow[] {
  const root = publicUrl.replace(/\/+$/, '');
  return entries.map((entry) => ({
    service: { id: stableId(entry.type), type: entry.type, name: entry.name },
    endpoints: INTERFACES.map((iface) => ({
      id: stableId(entry.type, iface, region),
      interface: iface,
      region,
      urlTemplate: `${root}${entry.path.replace(PROJECT_PLACEHOLDER, '$(project_id)s')}`,
    })),
  }));
}

/**
 * A token's catalog. Keystone leaves out an endpoint whose URL needs a project the token does not
 * have (and then a service with no endpoint left), so domain- and system-scoped tokens have no
 * block storage entries.
 */
export function buildCatalog(scope: CatalogScope, entries: readonly CatalogEntry[] = CORE_CATALOG): CatalogService[] {
  const usable = entries.filter((e) => scope.projectId !== undefined || !e.path.includes(PROJECT_PLACEHOLDER));
  return catalogRows(scope.publicUrl, scope.region, usable).map(({ service, endpoints }) => ({
    ...service,
    endpoints: endpoints.map(({ urlTemplate, ...ep }) => ({
      id: ep.id,
      interface: ep.interface,
      region_id: ep.region,
      region: ep.region,
      url: urlTemplate.replace('$(project_id)s', scope.projectId ?? ''),
    })),
  }));
}

/** The refusal of every catalog write, naming the Keystone policy and why nobody holds it. */
export function catalogIsFixed(action: string): ApiError {
  return forbidden(`You are not authorized to perform the requested action: identity:${action}. The service catalog of this deployment is fixed by the API server's configuration and cannot be changed through the API.`);
}

// The request is not looked at beyond being JSON: whatever it asks, the answer is the same.
const anyBody = Type.Record(Type.String(), Type.Unknown());

const ACTION_VERBS: Partial<Record<HttpMethod, string>> = { post: 'create', put: 'create', patch: 'update', delete: 'delete' };

/** A write to the fixed catalog (resource: service, endpoint or region): refused with 403 for everyone. */
export function fixedCatalogWrite(method: HttpMethod, path: string, resource: string): RouteDef {
  return defineRoute({
    method,
    path,
    policy: 'admin',
    body: method === 'delete' ? null : anyBody,
    query: noQuery,
    // Never answered: no write succeeds.
    response: method === 'delete' ? null : Type.Never(),
    successStatus: method === 'post' ? 201 : method === 'delete' ? 204 : 200,
    expectedErrors: [400, 404],
    handler: () => Promise.reject(catalogIsFixed(`${ACTION_VERBS[method] ?? method}_${resource}`)),
  });
}
