// GET /v3/endpoints filters: service_id, interface and region_id, exact matches as Keystone's.
import type { EndpointRecord } from '../catalog-registry/catalog-registry.js';
import { matchesQuery } from '../collection.js';
import type { ListEndpointsQuery } from './endpoints.schema.js';

export function endpointFilter(query: ListEndpointsQuery): (e: EndpointRecord) => boolean {
  return (e) => matchesQuery(query.service_id, e.serviceId) && matchesQuery(query.interface, e.interface) && matchesQuery(query.region_id, e.regionId);
}
