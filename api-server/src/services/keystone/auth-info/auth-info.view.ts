// The documents of /v3/auth/catalog, /v3/auth/system and /v3/auth/domains (domains in the shape
// of /v3/domains); /v3/auth/projects shows projects as /v3/projects does.
import type { Static } from '@sinclair/typebox';
import type { Domain } from '../../../../../crds/types.generated.js';
import type { CatalogService } from '../catalog.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listAuthDomainsResponse, listAuthSystemResponse, showAuthCatalogResponse } from './auth-info.schema.js';

/** A domain as auth/default-domain.ts#findDomain gives it (the built-in default one may have no CR). */
export type DomainLike = Pick<Domain, 'metadata' | 'spec'>;

export function catalogView(links: CollectionLinks, catalog: CatalogService[]): Static<typeof showAuthCatalogResponse> {
  return { catalog, links };
}

/** Keystone's one system, "all", when the user may scope to it. */
export function authSystemView(links: CollectionLinks, scopable: boolean): Static<typeof listAuthSystemResponse> {
  return { system: scopable ? [{ all: true }] : [], links };
}

export function authDomainListView(baseUrl: string, links: CollectionLinks, domains: DomainLike[]): Static<typeof listAuthDomainsResponse> {
  return {
    domains: domains.map((d) => ({
      id: d.metadata.name,
      name: d.spec.name,
      description: d.spec.description ?? '',
      enabled: d.spec.enabled !== false,
      tags: d.spec.tags ?? [],
      options: d.spec.options ?? {},
      links: { self: v3Url(baseUrl, `domains/${d.metadata.name}`) },
    })),
    links,
  };
}
