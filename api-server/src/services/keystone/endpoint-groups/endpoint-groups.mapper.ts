// Endpoint group bodies -> the catalog registry's records, with Keystone's filter check: only
// interface (public, internal or admin), service_id and region_id may filter (else 400).
import { badRequest } from '../../../common/errors.js';
import { INTERFACES, type EndpointGroupRecord } from '../catalog-registry/catalog-registry.js';
import type { CreateEndpointGroupRequest, UpdateEndpointGroupRequest } from './endpoint-groups.schema.js';

const FILTER_KEYS = ['interface', 'service_id', 'region_id'];

function validFilters(filters: Record<string, string>): Record<string, string> {
  const keys = Object.keys(filters);
  const invalid = keys.length === 0 || keys.some((key) => !FILTER_KEYS.includes(key)) || (filters.interface !== undefined && !(INTERFACES as readonly string[]).includes(filters.interface));
  if (invalid) throw badRequest(`Invalid filters: ${JSON.stringify(filters)}. Endpoint groups filter on ${FILTER_KEYS.join(', ')} (interface: ${INTERFACES.join(', ')}).`);
  return filters;
}

export function toEndpointGroupRecord(id: string, body: CreateEndpointGroupRequest): EndpointGroupRecord {
  return { id, name: body.name, description: body.description ?? '', filters: validFilters(body.filters) };
}

export function updatedEndpointGroupRecord(current: EndpointGroupRecord, body: UpdateEndpointGroupRequest): EndpointGroupRecord {
  return {
    ...current,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.filters !== undefined ? { filters: validFilters(body.filters) } : {}),
  };
}
