// The /v2.0/security-groups routes; policies as for networks (the default-group rules are in the handlers).
import type { RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createSecurityGroupBody, listQuery, listSecurityGroupsResponse, securityGroupResponse, showSecurityGroupResponse, updateSecurityGroupBody } from './security-groups.schema.js';
import { createSecurityGroupHandler, deleteSecurityGroupHandler, listSecurityGroupsHandler, showSecurityGroupHandler, updateSecurityGroupHandler } from './security-groups.handlers.js';

export function securityGroupRoutes(stores: Stores): RouteDef[] {
  const crud = crudRoutes({
    collection: 'security-groups',
    param: 'securityGroupId',
    create: { body: createSecurityGroupBody, response: securityGroupResponse, handler: createSecurityGroupHandler(stores), errors: [409] },
    list: { query: listQuery, response: listSecurityGroupsResponse, handler: listSecurityGroupsHandler(stores), errors: [409] },
    show: { response: showSecurityGroupResponse, handler: showSecurityGroupHandler(stores) },
    update: { body: updateSecurityGroupBody, response: securityGroupResponse, handler: updateSecurityGroupHandler(stores), errors: [409] },
    remove: { handler: deleteSecurityGroupHandler(stores), errors: [409, 412] },
  });
  return crud;
}
