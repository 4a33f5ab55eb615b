// The /os-keypairs routes of Nova. Nova's default policy is the owner (any token's user acts on
// their own keypairs, whatever their role) or an admin naming a user_id (2.10).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { createKeypairHandler, deleteKeypairHandler, listKeypairsHandler, showKeypairHandler } from './keypairs.handlers.js';
import { createKeypairBody, createKeypairResponse, keypairQuery, listKeypairsResponse, showKeypairResponse } from './keypairs.schema.js';

export function keypairRoutes(stores: Stores, quotas: QuotaAdmission): RouteDef[] {
  const own = { policy: 'authenticated' as const, query: keypairQuery };
  const item = '/v2.1/os-keypairs/:keypairName';
  return [
    defineRoute({ ...own, method: 'get', path: '/v2.1/os-keypairs', body: null, response: listKeypairsResponse, successStatus: 200, expectedErrors: [400, 403], handler: listKeypairsHandler(stores) }),
    defineRoute({ ...own, method: 'post', path: '/v2.1/os-keypairs', body: createKeypairBody, response: createKeypairResponse, successStatus: 200, expectedErrors: [400, 403, 409], handler: createKeypairHandler(stores, quotas) }),
    defineRoute({ ...own, method: 'get', path: item, body: null, response: showKeypairResponse, successStatus: 200, expectedErrors: [400, 403, 404], handler: showKeypairHandler(stores) }),
    defineRoute({ ...own, method: 'delete', path: item, body: null, response: null, successStatus: 202, expectedErrors: [400, 403, 404], handler: deleteKeypairHandler(stores, quotas) }),
  ];
}
