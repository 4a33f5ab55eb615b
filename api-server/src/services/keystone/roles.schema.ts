// Query schemas of /v3/roles.
import { querySchema, queryString } from '../../common/parameter-types.js';
import type { JsonSchema } from '../../common/validate.js';

export const listRolesQuery: JsonSchema = querySchema({ name: queryString, domain_id: queryString });
