// A catalog row's service -> Keystone's service document.
import type { Static } from '@sinclair/typebox';
import type { CatalogRow } from '../catalog.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listServicesResponse, ServiceDocument } from './services.schema.js';

export function serviceView(baseUrl: string, row: CatalogRow): ServiceDocument {
  const { id, type, name } = row.service;
  return { id, type, name, description: '', enabled: true, links: { self: v3Url(baseUrl, `services/${id}`) } };
}

export function serviceListView(baseUrl: string, links: CollectionLinks, rows: CatalogRow[]): Static<typeof listServicesResponse> {
  return { services: rows.map((r) => serviceView(baseUrl, r)), links };
}
