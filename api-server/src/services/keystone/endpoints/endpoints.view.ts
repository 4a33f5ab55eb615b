// A catalog row's endpoint -> Keystone's endpoint document.
import type { Static } from '@sinclair/typebox';
import type { CatalogRow } from '../catalog.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { EndpointDocument, listEndpointsResponse } from './endpoints.schema.js';

/** One endpoint with the service it belongs to. */
export interface EndpointRow {
  serviceId: string;
  endpoint: CatalogRow['endpoints'][number];
}

export function endpointRows(rows: CatalogRow[]): EndpointRow[] {
  return rows.flatMap((r) => r.endpoints.map((endpoint) => ({ serviceId: r.service.id, endpoint })));
}

export function endpointView(baseUrl: string, { serviceId, endpoint }: EndpointRow): EndpointDocument {
  return {
    id: endpoint.id,
    interface: endpoint.interface,
    region_id: endpoint.region,
    region: endpoint.region,
    url: endpoint.urlTemplate,
    service_id: serviceId,
    enabled: true,
    links: { self: v3Url(baseUrl, `endpoints/${endpoint.id}`) },
  };
}

export function endpointListView(baseUrl: string, links: CollectionLinks, rows: EndpointRow[]): Static<typeof listEndpointsResponse> {
  return { endpoints: rows.map((r) => endpointView(baseUrl, r)), links };
}
