// The documents of /v3/auth/catalog and /v3/auth/domains; /v3/auth/projects shows projects as
// /v3/projects does.
import type { Static } from '@sinclair/typebox';
import type { CatalogService } from '../catalog.js';
import type { CollectionLinks } from '../collection.js';
import type { listAuthDomainsResponse, showAuthCatalogResponse } from './auth-info.schema.js';

export function catalogView(links: CollectionLinks, catalog: CatalogService[]): Static<typeof showAuthCatalogResponse> {
  return { catalog, links };
}

/** Only domain-level role assignments make a domain appear here, and none exist. */
export function authDomainListView(links: CollectionLinks): Static<typeof listAuthDomainsResponse> {
  return { domains: [], links };
}
