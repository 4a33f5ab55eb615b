// An endpoint group record -> Keystone's endpoint group document.
import type { Static } from '@sinclair/typebox';
import type { EndpointGroupRecord } from '../catalog-registry/catalog-registry.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { EndpointGroupDocument, listEndpointGroupsResponse } from './endpoint-groups.schema.js';

export function endpointGroupView(baseUrl: string, g: EndpointGroupRecord): EndpointGroupDocument {
  return { id: g.id, name: g.name, description: g.description, filters: g.filters, links: { self: v3Url(baseUrl, `OS-EP-FILTER/endpoint_groups/${g.id}`) } };
}

export function endpointGroupListView(baseUrl: string, links: CollectionLinks, groups: EndpointGroupRecord[]): Static<typeof listEndpointGroupsResponse> {
  return { endpoint_groups: groups.map((g) => endpointGroupView(baseUrl, g)), links };
}
