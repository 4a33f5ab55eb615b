// The filters of GET /v3/domains: exact name, enabled.
import { matchesQuery, queryFlag } from '../collection.js';
import type { DomainLike } from './domains.view.js';
import type { ListDomainsQuery } from './domains.schema.js';

export function domainFilter(query: ListDomainsQuery): (d: DomainLike) => boolean {
  const enabled = queryFlag(query.enabled);
  return (d) => matchesQuery(query.name, d.spec.name) && (enabled === undefined || enabled === (d.spec.enabled !== false));
}
