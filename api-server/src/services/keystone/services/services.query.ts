// GET /v3/services filters: type and name, exact matches as Keystone's.
import type { ServiceRecord } from '../catalog-registry/catalog-registry.js';
import { matchesQuery } from '../collection.js';
import type { ListServicesQuery } from './services.schema.js';

export function serviceFilter(query: ListServicesQuery): (s: ServiceRecord) => boolean {
  return (s) => matchesQuery(query.type, s.type) && matchesQuery(query.name, s.name);
}
