// /v2.0/quotas: Neutron's quotas and quota_details extensions. Reading a project's quota needs a
// reader of it (checked in the handler: another project's is 403) or the admin; the list, update
// and reset are the admin's, as Neutron's default policies say.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { deleteQuotaHandler, listQuotasHandler, showQuotaHandler, updateQuotaHandler } from './quotas.handlers.js';
import { listQuotasResponse, showQuotaDetailsResponse, showQuotaResponse, updateQuotaBody } from './quotas.schema.js';

export function quotaRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/quotas/:projectId';
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [403, 404] };
  const details = { ...read, response: showQuotaDetailsResponse, handler: showQuotaHandler(stores, 'details') };
  return [
    defineRoute({ ...read, path: '/v2.0/quotas', policy: 'admin', response: listQuotasResponse, expectedErrors: [], handler: listQuotasHandler(stores) }),
    defineRoute({ ...read, path: item, response: showQuotaResponse, handler: showQuotaHandler(stores, 'limits') }),
    defineRoute({ ...read, path: `${item}/default`, response: showQuotaResponse, handler: showQuotaHandler(stores, 'defaults') }),
    defineRoute({ ...details, path: `${item}/details` }),
    defineRoute({ ...details, path: `${item}/details.json` }),
    defineRoute({ method: 'put', path: item, policy: 'admin', body: updateQuotaBody, query: noQuery, response: showQuotaResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: updateQuotaHandler(stores) }),
    defineRoute({ method: 'delete', path: item, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteQuotaHandler(stores) }),
  ];
}
