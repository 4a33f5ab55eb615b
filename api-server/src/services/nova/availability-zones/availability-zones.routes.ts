// /os-availability-zone (Nova's default policy: any authenticated user) and /detail (admin).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { zoneDetailResponse as detailResponse, zoneListResponse as listResponse } from './availability-zones.schema.js';
import { zoneDetailView, zoneListView } from './availability-zones.view.js';


export function availabilityZoneRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [] };
  return [
    defineRoute({ ...read, path: '/v2.1/os-availability-zone', policy: 'authenticated', response: listResponse, handler: async () => ({ body: { availabilityZoneInfo: zoneListView(stores.nodes.list()) } }) }),
    defineRoute({ ...read, path: '/v2.1/os-availability-zone/detail', policy: 'admin', response: detailResponse, handler: async () => ({ body: { availabilityZoneInfo: zoneDetailView(stores.nodes.list()) } }) }),
  ];
}
