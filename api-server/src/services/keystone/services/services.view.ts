// A catalog service record -> Keystone's service document.
import type { Static } from '@sinclair/typebox';
import type { ServiceRecord } from '../catalog-registry/catalog-registry.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listServicesResponse, ServiceDocument } from './services.schema.js';

export function serviceView(baseUrl: string, s: ServiceRecord): ServiceDocument {
  return { id: s.id, type: s.type, name: s.name, description: s.description, enabled: s.enabled, links: { self: v3Url(baseUrl, `services/${s.id}`) } };
}

export function serviceListView(baseUrl: string, links: CollectionLinks, services: ServiceRecord[]): Static<typeof listServicesResponse> {
  return { services: services.map((s) => serviceView(baseUrl, s)), links };
}
