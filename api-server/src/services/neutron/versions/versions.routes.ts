// GET /network (gophercloud fails without a parseable versions document there) and GET /v2.0.
// The version list needs no token; the resource index does, as in Neutron.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { listResourcesResponse, listVersionsResponse } from './versions.schema.js';
import { listResourcesHandler, listVersionsHandler } from './versions.handlers.js';

const get = { method: 'get' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [] };

export const versionRoutes: RouteDef[] = [
  defineRoute({ ...get, path: '/', policy: 'public', response: listVersionsResponse, handler: listVersionsHandler }),
  defineRoute({ ...get, path: '/v2.0', policy: 'authenticated', response: listResourcesResponse, handler: listResourcesHandler }),
];
