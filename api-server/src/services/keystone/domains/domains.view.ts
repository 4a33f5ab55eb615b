// Domain CR -> Keystone's domain document, extra attributes included.
import type { Static } from '@sinclair/typebox';
import type { Domain } from '../../../../../crds/types.generated.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { DomainDocument, listDomainsResponse } from './domains.schema.js';

export type DomainLike = Pick<Domain, 'metadata' | 'spec'>;

export function domainView(baseUrl: string, d: DomainLike): DomainDocument {
  return {
    ...(d.spec.extra ?? {}),
    id: d.metadata.name,
    name: d.spec.name,
    description: d.spec.description ?? '',
    enabled: d.spec.enabled !== false,
    tags: d.spec.tags ?? [],
    options: d.spec.options ?? {},
    links: { self: v3Url(baseUrl, `domains/${d.metadata.name}`) },
  };
}

export function domainListView(baseUrl: string, links: CollectionLinks, domains: DomainLike[]): Static<typeof listDomainsResponse> {
  return { domains: domains.map((d) => domainView(baseUrl, d)), links };
}
