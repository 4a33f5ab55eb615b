// Schemas of /v3/domains: the list filters, and the domain document (wire contract §1.5).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';

export const listDomainsQuery = querySchema({ name: queryString, enabled: queryString });
export type ListDomainsQuery = Static<typeof listDomainsQuery>;

export const domainSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: nullableString,
  enabled: Type.Boolean(),
  tags: Type.Array(Type.String()),
  options: optionsSchema,
  links: selfLinkSchema,
});
export type DomainDocument = Static<typeof domainSchema>;

export const showDomainResponse = responseObject({ domain: domainSchema });
export const listDomainsResponse = keystoneCollection('domains', domainSchema);
