// The /v2.0/security-group-rules routes (no update: Neutron has none for rules).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createRuleBody, listQuery, listRulesResponse, ruleResponse, showRuleResponse } from '../security-groups/security-groups.schema.js';
import { createRuleHandler, deleteRuleHandler, listRulesHandler, showRuleHandler } from './security-group-rules.handlers.js';

export function securityGroupRuleRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/security-group-rules/:ruleId';
  return [
    defineRoute({
      method: 'post', path: '/v2.0/security-group-rules', policy: 'member', body: createRuleBody, query: noQuery,
      response: ruleResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createRuleHandler(stores),
    }),
    defineRoute({
      method: 'get', path: '/v2.0/security-group-rules', policy: 'reader', body: null, query: listQuery,
      response: listRulesResponse, successStatus: 200, expectedErrors: [400], handler: listRulesHandler(stores),
    }),
    defineRoute({
      method: 'get', path: item, policy: 'reader', body: null, query: listQuery,
      response: showRuleResponse, successStatus: 200, expectedErrors: [404], handler: showRuleHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: item, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 204, expectedErrors: [403, 404], handler: deleteRuleHandler(stores),
    }),
  ];
}
