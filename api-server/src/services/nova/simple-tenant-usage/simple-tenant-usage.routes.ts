// /os-simple-tenant-usage (Nova's default policy: the list is an admin's, one project's usage its
// readers' and an admin's).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { listTenantUsagesHandler, showTenantUsageHandler } from './simple-tenant-usage.handlers.js';
import { listTenantUsagesResponse, showTenantUsageResponse, tenantUsageQuery } from './simple-tenant-usage.schema.js';

export function simpleTenantUsageRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, body: null, query: tenantUsageQuery, successStatus: 200, expectedErrors: [400] };
  return [
    defineRoute({ ...read, path: '/v2.1/os-simple-tenant-usage', policy: 'admin', expectedErrors: [400, 404], response: listTenantUsagesResponse, handler: listTenantUsagesHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/os-simple-tenant-usage/:tenantId', policy: 'reader', expectedErrors: [400, 404], response: showTenantUsageResponse, handler: showTenantUsageHandler(stores) }),
  ];
}
