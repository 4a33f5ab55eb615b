// The domains this server knows -> Keystone's domain document. There are no Domain CRs: only
// Keystone's built-in default domain exists, and every user and project lives in it.
import type { Static } from '@sinclair/typebox';
import { DEFAULT_DOMAIN_ID, DEFAULT_DOMAIN_NAME } from '../../../auth/default-domain.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { DomainDocument, listDomainsResponse } from './domains.schema.js';

export interface KnownDomain {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}

export const DEFAULT_DOMAIN: KnownDomain = { id: DEFAULT_DOMAIN_ID, name: DEFAULT_DOMAIN_NAME, description: 'The default domain', enabled: true };

export function domainView(baseUrl: string, d: KnownDomain): DomainDocument {
  return { ...d, tags: [], options: {}, links: { self: v3Url(baseUrl, `domains/${d.id}`) } };
}

export function domainListView(baseUrl: string, links: CollectionLinks, domains: KnownDomain[]): Static<typeof listDomainsResponse> {
  return { domains: domains.map((d) => domainView(baseUrl, d)), links };
}
