// The filters of GET /v3/domains, over the domains that exist (only the default one).
import { matchesQuery, queryFlag } from '../collection.js';
import type { KnownDomain } from './domains.view.js';
import type { ListDomainsQuery } from './domains.schema.js';

export function domainFilter(query: ListDomainsQuery): (d: KnownDomain) => boolean {
  const enabled = queryFlag(query.enabled);
  return (d) => matchesQuery(query.name, d.name) && (enabled === undefined || enabled === d.enabled);
}
