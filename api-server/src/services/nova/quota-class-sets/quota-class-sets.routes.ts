// /os-quota-class-sets (Nova's default policy: admins only).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { quotaClassLimitsBody, quotaClassSetResponse } from '../quota-sets/quota-sets.schema.js';
import { showQuotaClassSetHandler, updateQuotaClassSetHandler } from './quota-class-sets.handlers.js';

export function quotaClassSetRoutes(stores: Stores): RouteDef[] {
  const one = '/v2.1/os-quota-class-sets/:classId';
  return [
    defineRoute({ method: 'get', path: one, policy: 'admin', body: null, query: noQuery, response: quotaClassSetResponse, successStatus: 200, expectedErrors: [400, 404], handler: showQuotaClassSetHandler(stores) }),
    defineRoute({ method: 'put', path: one, policy: 'admin', body: quotaClassLimitsBody, query: noQuery, response: quotaClassSetResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: updateQuotaClassSetHandler(stores) }),
  ];
}
