// Schemas of /v3/domains: the list filters, create and update bodies (Keystone's resource
// schemas: name 1-64 characters, extra attributes allowed), and the domain document (wire
// contract §1.5). The tag and option fragments are shared with projects, which Keystone models as
// the same resource.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';

export const listDomainsQuery = querySchema({ name: queryString, enabled: queryString });
export type ListDomainsQuery = Static<typeof listDomainsQuery>;

/** Keystone's resource name: 1 to 64 characters. */
export const resourceName = Type.String({ minLength: 1, maxLength: 64 });
/** Keystone's project tag: 1 to 255 characters, no "/" nor ",", at most 80 per resource. */
export const tagName = Type.String({ minLength: 1, maxLength: 255, pattern: '^[^,/]*$' });
export const tagList = Type.Array(tagName, { maxItems: 80 });
/** Keystone's resource options: only "immutable" is known for domains and projects. */
export const resourceOptions = Type.Object({ immutable: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])) }, { additionalProperties: false });

const domainProps = {
  description: Type.Optional(nullableString),
  enabled: Type.Optional(Type.Boolean()),
  tags: Type.Optional(tagList),
  options: Type.Optional(resourceOptions),
};

/** Unknown keys are Keystone's extra attributes: kept and shown as they were sent. */
export const createDomainBody = Type.Object({ domain: Type.Object({ name: resourceName, ...domainProps }, { additionalProperties: true }) }, { additionalProperties: true });
export type CreateDomainRequest = Static<typeof createDomainBody>['domain'];

export const updateDomainBody = Type.Object(
  { domain: Type.Object({ name: Type.Optional(resourceName), ...domainProps }, { additionalProperties: true, minProperties: 1 }) },
  { additionalProperties: true },
);
export type UpdateDomainRequest = Static<typeof updateDomainBody>['domain'];

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
