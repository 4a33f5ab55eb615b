// Query schemas of /v3/users.
import { querySchema, queryString } from '../../common/parameter-types.js';
import type { JsonSchema } from '../../common/validate.js';

export const listUsersQuery: JsonSchema = querySchema({ name: queryString, domain_id: queryString, enabled: queryString });
