// Query schemas of /v3/domains.
import { querySchema, queryString } from '../../common/parameter-types.js';
import type { JsonSchema } from '../../common/validate.js';

export const listDomainsQuery: JsonSchema = querySchema({ name: queryString, enabled: queryString });
