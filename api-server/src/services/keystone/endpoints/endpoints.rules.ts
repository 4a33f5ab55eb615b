// Keystone's endpoint rules, checked inside the catalog registry's transaction: the service and
// the region_id must exist (Keystone's ValidationError, 400); a legacy "region" that does not
// exist is created, as Keystone does for clients written against v2.
import { badRequest, notFound } from '../../../common/errors.js';
import { allEndpoints, allRegions, allServices, type CatalogState } from '../catalog.js';
import type { EndpointRecord } from '../catalog-registry/catalog-registry.js';
import type { UpdateEndpointRequest } from './endpoints.schema.js';

export function findEndpoint(state: CatalogState, id: string): EndpointRecord {
  const found = allEndpoints(state).find((e) => e.id === id);
  if (!found) throw notFound(`Could not find endpoint: ${id}.`);
  return found;
}

function notInTable(attribute: string, table: string): Error {
  return badRequest(`Expecting to find ${attribute} in ${table}. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.`);
}

/** Checks the endpoint's references, creating a legacy region first when the body named one. */
export function checkEndpointReferences(state: CatalogState, endpoint: EndpointRecord, body: UpdateEndpointRequest): void {
  if (!allServices(state).some((s) => s.id === endpoint.serviceId)) throw notInTable('endpoint service_id', 'service table');
  const region = endpoint.regionId;
  if (region === null || allRegions(state).some((r) => r.id === region)) return;
  const legacy = body.region_id === undefined && body.region !== undefined;
  if (!legacy) throw notInTable('endpoint region_id', 'region table');
  state.added.regions.push({ id: region, description: '', parentRegionId: null });
}
