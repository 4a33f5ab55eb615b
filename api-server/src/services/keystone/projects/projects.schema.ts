// Schemas of /v3/projects: the list filters, and the project document (wire contract §1.5).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';

export const listProjectsQuery = querySchema({
  name: queryString,
  domain_id: queryString,
  enabled: queryString,
  parent_id: queryString,
});
export type ListProjectsQuery = Static<typeof listProjectsQuery>;

export const projectSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  domain_id: Type.String(),
  description: nullableString,
  enabled: Type.Boolean(),
  is_domain: Type.Boolean(),
  parent_id: nullableString,
  tags: Type.Array(Type.String()),
  options: optionsSchema,
  links: selfLinkSchema,
});
export type ProjectDocument = Static<typeof projectSchema>;

export const showProjectResponse = responseObject({ project: projectSchema });
export const listProjectsResponse = keystoneCollection('projects', projectSchema);
