// GET /limits (Tempest's compute/v2_1, v2_36, v2_39 and v2_57 limits.py).
import { Type } from '@sinclair/typebox';
import { querySchema, queryString, strictObject } from '../../../common/parameter-types.js';

export const limitsQuery = querySchema({ tenant_id: queryString });

export const showLimitsResponse = strictObject({
  limits: strictObject({ absolute: Type.Record(Type.String(), Type.Integer()), rate: Type.Array(Type.Unknown(), { maxItems: 0 }) }),
});
