// GET /v3/endpoints filters: service_id, interface and region_id, exact matches as Keystone's.
import { matchesQuery } from '../collection.js';
import type { ListEndpointsQuery } from './endpoints.schema.js';
import type { EndpointRow } from './endpoints.view.js';

export function endpointFilter(query: ListEndpointsQuery): (row: EndpointRow) => boolean {
  return ({ serviceId, endpoint }) =>
    matchesQuery(query.service_id, serviceId) && matchesQuery(query.interface, endpoint.interface) && matchesQuery(query.region_id, endpoint.region);
}
