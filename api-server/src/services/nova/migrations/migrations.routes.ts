// /os-migrations (Nova's default policy: admin only; a bad marker or filter is a 400 from 2.59).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { listMigrationsHandler } from './migrations.handlers.js';
import { listMigrationsQuery, listMigrationsResponse } from './migrations.schema.js';

export function migrationRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({ method: 'get', path: '/v2.1/os-migrations', policy: 'admin', body: null, query: listMigrationsQuery, response: listMigrationsResponse, successStatus: 200, expectedErrors: [400], handler: listMigrationsHandler(stores) }),
  ];
}
