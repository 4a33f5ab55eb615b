// Schemas of /v3/projects: list filters (tags included), show's hierarchy options, create and
// update bodies (Keystone's project schema: name 1-64, extra attributes allowed), the project
// document (wire contract §1.5) and the tags documents.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';
import { resourceName, resourceOptions, tagList } from '../domains/domains.schema.js';

export const listProjectsQuery = querySchema({
  name: queryString,
  domain_id: queryString,
  enabled: queryString,
  parent_id: queryString,
  is_domain: queryString,
  tags: queryString,
  'tags-any': queryString,
  'not-tags': queryString,
  'not-tags-any': queryString,
});
export type ListProjectsQuery = Static<typeof listProjectsQuery>;

export const showProjectQuery = querySchema({
  subtree_as_list: queryString,
  parents_as_list: queryString,
  subtree_as_ids: queryString,
  parents_as_ids: queryString,
});
export type ShowProjectQuery = Static<typeof showProjectQuery>;

const projectProps = {
  description: Type.Optional(nullableString),
  enabled: Type.Optional(Type.Boolean()),
  tags: Type.Optional(tagList),
  options: Type.Optional(resourceOptions),
  domain_id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  parent_id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  is_domain: Type.Optional(Type.Boolean()),
};

export const createProjectBody = Type.Object({ project: Type.Object({ name: resourceName, ...projectProps }, { additionalProperties: true }) }, { additionalProperties: true });
export type CreateProjectRequest = Static<typeof createProjectBody>['project'];

export const updateProjectBody = Type.Object(
  { project: Type.Object({ name: Type.Optional(resourceName), ...projectProps }, { additionalProperties: true, minProperties: 1 }) },
  { additionalProperties: true },
);
export type UpdateProjectRequest = Static<typeof updateProjectBody>['project'];

export const projectSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  // null for a project acting as a domain.
  domain_id: nullableString,
  description: nullableString,
  enabled: Type.Boolean(),
  is_domain: Type.Boolean(),
  parent_id: nullableString,
  tags: Type.Array(Type.String()),
  options: optionsSchema,
  links: selfLinkSchema,
});
export type ProjectDocument = Static<typeof projectSchema>;

/** parents_as_ids / subtree_as_ids: nested ids, null at the leaves. */
const idTree = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
export const showProjectResponse = responseObject({
  project: Type.Intersect([
    projectSchema,
    Type.Object({
      parents: Type.Optional(Type.Union([Type.Array(responseObject({ project: projectSchema })), idTree])),
      subtree: Type.Optional(Type.Union([Type.Array(responseObject({ project: projectSchema })), idTree])),
    }),
  ]),
});
export const createProjectResponse = responseObject({ project: projectSchema });
export const listProjectsResponse = keystoneCollection('projects', projectSchema);

export const projectTagsBody = Type.Object({ tags: tagList }, { additionalProperties: false });
export type ProjectTagsBody = Static<typeof projectTagsBody>;
export const projectTagsResponse = responseObject({ tags: Type.Array(Type.String()), links: Type.Optional(selfLinkSchema) });
