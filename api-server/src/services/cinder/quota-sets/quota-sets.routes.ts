// os-quota-sets and os-quota-class-sets, as Cinder's default policies: a project's quota set is
// readable by its readers (another project's is 403) and the admin; updates, resets and the
// quota classes are the admin's.
import { noQuery } from '../../../common/parameter-types.js';
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { showQuotaClassSetHandler, updateQuotaClassSetHandler } from '../quota-class-sets/quota-class-sets.handlers.js';
import { deleteQuotaSetHandler, showQuotaSetHandler, updateQuotaSetHandler } from './quota-sets.handlers.js';
import { showQuotaClassSetResponse, showQuotaSetQuery, showQuotaSetResponse, updateQuotaClassSetBody, updateQuotaClassSetResponse, updateQuotaSetBody, updateQuotaSetResponse } from './quota-sets.schema.js';

export function quotaSetRoutes(stores: Stores): RouteDef[] {
  const item = '/v3/:projectId/os-quota-sets/:tenantId';
  const klass = '/v3/:projectId/os-quota-class-sets/:className';
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200, expectedErrors: [400, 403, 404] };
  const admin = { policy: 'admin' as const, query: noQuery, successStatus: 200 };
  return [
    defineRoute({ ...read, path: item, query: showQuotaSetQuery, response: showQuotaSetResponse, handler: showQuotaSetHandler(stores, false) }),
    defineRoute({ ...read, path: `${item}/defaults`, query: noQuery, response: showQuotaSetResponse, handler: showQuotaSetHandler(stores, true) }),
    defineRoute({ ...admin, method: 'put', path: item, body: updateQuotaSetBody, response: updateQuotaSetResponse, expectedErrors: [400, 404, 409], handler: updateQuotaSetHandler(stores) }),
    defineRoute({ ...admin, method: 'delete', path: item, body: null, response: null, expectedErrors: [404, 409], handler: deleteQuotaSetHandler(stores) }),
    defineRoute({ ...admin, method: 'get', path: klass, body: null, response: showQuotaClassSetResponse, expectedErrors: [404], handler: showQuotaClassSetHandler(stores) }),
    defineRoute({ ...admin, method: 'put', path: klass, body: updateQuotaClassSetBody, response: updateQuotaClassSetResponse, expectedErrors: [400, 404, 409], handler: updateQuotaClassSetHandler(stores) }),
  ];
}
