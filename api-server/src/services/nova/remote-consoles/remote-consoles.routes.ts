// POST /servers/{id}/remote-consoles (2.6, a member, as Nova's default policy), and the console
// page and its log that the URL leads to (no Keystone token: the URL's console token is the
// authorization, as with Nova's console proxies). The 2.1 actions are in server-actions.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { MV } from '../microversion.js';
import { consoleLogHandler, consolePageHandler, createRemoteConsoleHandler, type ConsoleDeps } from './remote-consoles.handlers.js';
import { consoleLogResponse, consolePageQuery, consolePageResponse, remoteConsoleBody, remoteConsoleResponse } from './remote-consoles.schema.js';

export function remoteConsoleRoutes(deps: ConsoleDeps): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: '/v2.1/servers/:serverId/remote-consoles', policy: 'member', body: remoteConsoleBody, query: noQuery, minVersion: MV.REMOTE_CONSOLES,
      response: remoteConsoleResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: createRemoteConsoleHandler(deps),
    }),
    defineRoute({
      method: 'get', path: '/console/', policy: 'public', body: null, query: consolePageQuery,
      response: consolePageResponse, successStatus: 200, expectedErrors: [400, 404], handler: consolePageHandler(deps),
    }),
    defineRoute({
      method: 'get', path: '/console/log', policy: 'public', body: null, query: consolePageQuery,
      response: consoleLogResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: consoleLogHandler(deps),
    }),
  ];
}
