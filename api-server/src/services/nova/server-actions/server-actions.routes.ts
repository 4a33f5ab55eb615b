// POST /servers/{id}/action (Nova's default policy for the security group, power, reboot and
// rebuild actions: a member; a wrong state for the action is 409; changePassword is Nova's 501
// for a driver that cannot set a guest's password). Only rebuild (the server) and
// rescue (the admin password), os-getConsoleOutput (the log) and the console actions (a URL)
// answer a body.
import { Type } from '@sinclair/typebox';
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { serverActionHandler, type ActionDeps } from './server-actions.handlers.js';
import { consoleOutputResponse, createImageResponse, rescueResponse, serverActionBody } from './server-actions.schema.js';
import { consoleActionResponse } from '../remote-consoles/remote-consoles.schema.js';
import { rebuildServerResponse } from '../servers/servers.schema.js';

export function serverActionRoutes(deps: ActionDeps): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: '/v2.1/servers/:serverId/action', policy: 'member', body: serverActionBody, query: noQuery,
      response: Type.Union([rebuildServerResponse, rescueResponse, consoleOutputResponse, consoleActionResponse, createImageResponse]), successStatus: 202, expectedErrors: [400, 403, 404, 409, 501], handler: serverActionHandler(deps),
    }),
  ];
}
