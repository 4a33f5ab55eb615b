// An endpoint record -> Keystone's endpoint document (region repeats region_id, as Keystone's).
import type { Static } from '@sinclair/typebox';
import type { EndpointRecord } from '../catalog-registry/catalog-registry.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { EndpointDocument, listEndpointsResponse } from './endpoints.schema.js';

export function endpointView(baseUrl: string, e: EndpointRecord): EndpointDocument {
  return {
    id: e.id,
    interface: e.interface,
    region_id: e.regionId,
    region: e.regionId,
    url: e.url,
    service_id: e.serviceId,
    enabled: e.enabled,
    links: { self: v3Url(baseUrl, `endpoints/${e.id}`) },
  };
}

export function endpointListView(baseUrl: string, links: CollectionLinks, endpoints: EndpointRecord[]): Static<typeof listEndpointsResponse> {
  return { endpoints: endpoints.map((e) => endpointView(baseUrl, e)), links };
}
