// GET /v3/{project_id}/limits: any reader of the project (limits_extension:used_limits).
import { Type } from '@sinclair/typebox';
import { noQuery, responseObject } from '../../../common/parameter-types.js';
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { showLimitsHandler } from './limits.handlers.js';

const absolute = Type.Record(Type.String(), Type.Integer({ minimum: -1 }));
export const showLimitsResponse = responseObject({ limits: Type.Object({ rate: Type.Array(Type.Unknown()), absolute }, { additionalProperties: false }) });

export function limitsRoutes(stores: Stores): RouteDef[] {
  return [defineRoute({ method: 'get', path: '/v3/:projectId/limits', policy: 'reader', body: null, query: noQuery, response: showLimitsResponse, successStatus: 200, expectedErrors: [403, 404], handler: showLimitsHandler(stores) })];
}
