// The documents of /v3/auth/catalog and /v3/auth/system; /v3/auth/projects and /v3/auth/domains
// show projects and domains as /v3/projects and /v3/domains do.
import type { Static } from '@sinclair/typebox';
import type { CatalogService } from '../catalog.js';
import type { CollectionLinks } from '../collection.js';
import type { listAuthSystemResponse, showAuthCatalogResponse } from './auth-info.schema.js';

export function catalogView(links: CollectionLinks, catalog: CatalogService[]): Static<typeof showAuthCatalogResponse> {
  return { catalog, links };
}

/** Keystone's one system, "all", when the user may scope to it. */
export function authSystemView(links: CollectionLinks, scopable: boolean): Static<typeof listAuthSystemResponse> {
  return { system: scopable ? [{ all: true }] : [], links };
}
