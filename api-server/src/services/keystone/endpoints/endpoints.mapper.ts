// Endpoint request bodies -> the catalog registry's endpoint records. The legacy "region" stands
// for region_id when region_id is absent, as Keystone reads it.
import type { EndpointRecord } from '../catalog-registry/catalog-registry.js';
import type { CreateEndpointRequest, UpdateEndpointRequest } from './endpoints.schema.js';

/** The region an endpoint body names: region_id, else the legacy region; undefined when neither is given. */
export function requestedRegion(body: UpdateEndpointRequest): string | null | undefined {
  return body.region_id !== undefined ? body.region_id : body.region;
}

export function toEndpointRecord(id: string, body: CreateEndpointRequest): EndpointRecord {
  return { id, serviceId: body.service_id, interface: body.interface, regionId: requestedRegion(body) ?? null, url: body.url, enabled: body.enabled ?? true };
}

export function updatedEndpointRecord(current: EndpointRecord, body: UpdateEndpointRequest): EndpointRecord {
  const region = requestedRegion(body);
  return {
    ...current,
    ...(body.service_id !== undefined ? { serviceId: body.service_id } : {}),
    ...(body.interface !== undefined ? { interface: body.interface } : {}),
    ...(body.url !== undefined ? { url: body.url } : {}),
    ...(region !== undefined ? { regionId: region } : {}),
    ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
  };
}
