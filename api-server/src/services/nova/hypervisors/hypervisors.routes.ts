// /os-hypervisors (Nova's default policy: admin only). The fixed paths come before /{id}; the
// search and servers routes are gone from 2.53, where list filters replace them.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { MV } from '../microversion.js';
import {
  hypervisorServersHandler, hypervisorStatisticsHandler, hypervisorUptimeHandler, listHypervisorsDetailHandler, listHypervisorsHandler, searchHypervisorsHandler, showHypervisorHandler,
} from './hypervisors.handlers.js';
import {
  detailHypervisorsResponse, hypervisorStatisticsResponse, hypervisorUptimeResponse, listHypervisorsQuery, showHypervisorQuery, listHypervisorsResponse, searchHypervisorsResponse, showHypervisorResponse,
} from './hypervisors.schema.js';

export function hypervisorRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'admin' as const, body: null, successStatus: 200 };
  const base = '/v2.1/os-hypervisors';
  return [
    // A bad marker is a 400 from 2.33, when paging starts; an unmatched pattern (2.53) a 404.
    defineRoute({ ...read, path: base, query: listHypervisorsQuery, response: listHypervisorsResponse, expectedErrors: [400, 404], handler: listHypervisorsHandler(stores) }),
    defineRoute({ ...read, path: `${base}/detail`, query: listHypervisorsQuery, response: detailHypervisorsResponse, expectedErrors: [400, 404], handler: listHypervisorsDetailHandler(stores) }),
    defineRoute({ ...read, path: `${base}/statistics`, query: noQuery, response: hypervisorStatisticsResponse, expectedErrors: [], handler: hypervisorStatisticsHandler(stores) }),
    defineRoute({ ...read, path: `${base}/:hypervisorId`, query: showHypervisorQuery, response: showHypervisorResponse, expectedErrors: [400, 404], handler: showHypervisorHandler(stores) }),
    defineRoute({ ...read, path: `${base}/:hypervisorId/uptime`, query: noQuery, response: hypervisorUptimeResponse, expectedErrors: [400, 404], handler: hypervisorUptimeHandler(stores) }),
    defineRoute({ ...read, path: `${base}/:pattern/search`, removedAt: MV.HOST_UUIDS, query: noQuery, response: searchHypervisorsResponse, expectedErrors: [404], handler: searchHypervisorsHandler(stores) }),
    defineRoute({ ...read, path: `${base}/:pattern/servers`, removedAt: MV.HOST_UUIDS, query: noQuery, response: searchHypervisorsResponse, expectedErrors: [404], handler: hypervisorServersHandler(stores) }),
  ];
}
