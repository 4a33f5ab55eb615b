// POST /servers/{id}/action (Nova's default policy for the security group, power, reboot and
// rebuild actions: a member; a wrong state for the action is 409). Only rebuild answers a body.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { ImageDeps } from './server-actions.image.js';
import { serverActionHandler } from './server-actions.handlers.js';
import { serverActionBody } from './server-actions.schema.js';
import { rebuildServerResponse } from '../servers/servers.schema.js';

export function serverActionRoutes(deps: ImageDeps): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: '/v2.1/servers/:serverId/action', policy: 'member', body: serverActionBody, query: noQuery,
      response: rebuildServerResponse, successStatus: 202, expectedErrors: [400, 403, 404, 409], handler: serverActionHandler(deps),
    }),
  ];
}
