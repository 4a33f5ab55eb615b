// GET /limits (Nova's default policy: anyone for their own project, admins for another's).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { showLimitsHandler } from './limits.handlers.js';
import { limitsQuery, showLimitsResponse } from './limits.schema.js';

export function limitRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({ method: 'get', path: '/v2.1/limits', policy: 'authenticated', body: null, query: limitsQuery, response: showLimitsResponse, successStatus: 200, expectedErrors: [403], handler: showLimitsHandler(stores) }),
  ];
}
