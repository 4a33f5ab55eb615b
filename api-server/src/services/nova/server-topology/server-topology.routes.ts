// GET /servers/{id}/topology (2.78; below it a 404). Nova's default policy: a project reader (the
// host's side of the topology is an admin's, and there is none here).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { MV } from '../microversion.js';
import { showServerTopologyHandler } from './server-topology.handlers.js';
import { serverTopologyResponse } from './server-topology.schema.js';

export function serverTopologyRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/v2.1/servers/:serverId/topology', policy: 'reader', minVersion: MV.SERVER_TOPOLOGY, body: null, query: noQuery,
      response: serverTopologyResponse, successStatus: 200, expectedErrors: [404], handler: showServerTopologyHandler(stores),
    }),
  ];
}
