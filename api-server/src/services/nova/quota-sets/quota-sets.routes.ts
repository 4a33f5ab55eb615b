// /os-quota-sets (Nova's default policies: os_compute_api:os-quota-sets:show and :detail for the
// project's readers and admins, :defaults for anyone, :update and :delete for admins).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { deleteQuotaSetHandler, showQuotaSetDefaultsHandler, showQuotaSetDetailHandler, showQuotaSetHandler, updateQuotaSetHandler } from './quota-sets.handlers.js';
import { quotaSetDetailResponse, quotaSetQuery, quotaSetResponse, updateQuotaSetBody } from './quota-sets.schema.js';

export function quotaSetRoutes(stores: Stores): RouteDef[] {
  const one = '/v2.1/os-quota-sets/:tenantId';
  const read = { method: 'get' as const, body: null, query: quotaSetQuery, successStatus: 200 };
  return [
    defineRoute({ ...read, path: one, policy: 'reader', response: quotaSetResponse, expectedErrors: [403, 404], handler: showQuotaSetHandler(stores) }),
    defineRoute({ ...read, path: `${one}/detail`, policy: 'reader', response: quotaSetDetailResponse, expectedErrors: [403, 404], handler: showQuotaSetDetailHandler(stores) }),
    defineRoute({ ...read, path: `${one}/defaults`, policy: 'authenticated', response: quotaSetResponse, expectedErrors: [404], handler: showQuotaSetDefaultsHandler(stores) }),
    defineRoute({ method: 'put', path: one, policy: 'admin', body: updateQuotaSetBody, query: quotaSetQuery, response: quotaSetResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: updateQuotaSetHandler(stores) }),
    defineRoute({ method: 'delete', path: one, policy: 'admin', body: null, query: quotaSetQuery, response: null, successStatus: 202, expectedErrors: [404, 409], handler: deleteQuotaSetHandler(stores) }),
  ];
}
