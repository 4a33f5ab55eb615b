// Query schemas of /v3/projects.
import { querySchema, queryString } from '../../common/parameter-types.js';
import type { JsonSchema } from '../../common/validate.js';

export const listProjectsQuery: JsonSchema = querySchema({
  name: queryString,
  domain_id: queryString,
  enabled: queryString,
  parent_id: queryString,
});
