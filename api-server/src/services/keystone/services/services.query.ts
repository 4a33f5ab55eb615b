// GET /v3/services filters: type and name, exact matches as Keystone's.
import type { CatalogRow } from '../catalog.js';
import { matchesQuery } from '../collection.js';
import type { ListServicesQuery } from './services.schema.js';

export function serviceFilter(query: ListServicesQuery): (row: CatalogRow) => boolean {
  return ({ service }) => matchesQuery(query.type, service.type) && matchesQuery(query.name, service.name);
}
