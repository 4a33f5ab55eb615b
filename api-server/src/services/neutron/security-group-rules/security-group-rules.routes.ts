// The /v2.0/security-group-rules routes (no update: Neutron has none for rules).
import type { RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createRuleBody, listQuery, listRulesResponse, ruleResponse, showRuleResponse } from '../security-groups/security-groups.schema.js';
import { createRuleHandler, deleteRuleHandler, listRulesHandler, showRuleHandler } from './security-group-rules.handlers.js';

export function securityGroupRuleRoutes(stores: Stores): RouteDef[] {
  const crud = crudRoutes({
    collection: 'security-group-rules',
    param: 'ruleId',
    create: { body: createRuleBody, response: ruleResponse, handler: createRuleHandler(stores), errors: [404, 409] },
    list: { query: listQuery, response: listRulesResponse, handler: listRulesHandler(stores) },
    show: { response: showRuleResponse, handler: showRuleHandler(stores) },
    remove: { handler: deleteRuleHandler(stores) },
  });
  return crud;
}
