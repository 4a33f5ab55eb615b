// Rule handlers. A rule is added to or removed from its group by a read-modify-write under the
// group's resourceVersion, and the duplicate check runs on the copy being written: two identical
// rules created at once on two replicas give one rule and one 409 SecurityGroupRuleExists.
import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { pageLinks, showFields } from '../neutron.query.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { neutronBadRequest, neutronConflict, neutronNotFound } from '../neutron.errors.js';
import { releaseNetworkResources, ruleClaim, withNetworkClaims } from '../quotas/quotas.admission.js';
import { findOwnSecurityGroup, findSecurityGroup, securityGroupVisible } from '../security-groups/security-groups.access.js';
import type { createRuleBody, listQuery } from '../security-groups/security-groups.schema.js';
import { ruleView } from '../security-groups/security-groups.view.js';
import { normalizeRule, sameRule, type Rule } from '../security-groups/rules.validation.js';
import { ruleListSpec, type GroupRule } from './security-group-rules.query.js';

function visibleRules(stores: Stores, auth: AuthContext): GroupRule[] {
  return stores.securityGroups
    .list()
    .filter((g) => securityGroupVisible(g, auth))
    .flatMap((group) => (group.spec.rules ?? []).map((rule) => ({ group, rule })));
}

function findRule(stores: Stores, auth: AuthContext, id: string): GroupRule {
  const found = visibleRules(stores, auth).find((r) => r.rule.id === id);
  if (!found) throw neutronNotFound('SecurityGroupRuleNotFound', `Security group rule ${id} does not exist`);
  return found;
}

export function createRuleHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createRuleBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.security_group_rule;
    const sg = findOwnSecurityGroup(stores, ctx.auth, req.security_group_id, 'create_security_group_rule');
    if ((req.project_id ?? req.tenant_id ?? sg.spec.projectId) !== sg.spec.projectId) throw neutronBadRequest('Security group rule for a group of another project.');
    const normalized = normalizeRule(req);
    if (normalized.remoteGroupId) findSecurityGroup(stores, ctx.auth, normalized.remoteGroupId);
    const rule: Rule = { id: randomUUID(), ...normalized, createdAt: new Date().toISOString() };
    const updated = await withNetworkClaims(stores, sg.spec.projectId, [ruleClaim(sg.metadata.name, rule.id)], async () => {
      const written = await stores.securityGroups.update(sg.metadata.name, sg.metadata.namespace, (cur) => {
        const dup = (cur.spec.rules ?? []).find((r) => sameRule(r, normalized));
        if (dup) throw neutronConflict('SecurityGroupRuleExists', `Security group rule already exists. Rule id is ${dup.id}.`);
        return { ...cur, spec: { ...cur.spec, rules: [...(cur.spec.rules ?? []), rule], updatedAt: new Date().toISOString() } };
      });
      if (!written) throw neutronNotFound('SecurityGroupNotFound', `Security group ${sg.metadata.name} does not exist`);
      return written;
    });
    return { body: { security_group_rule: ruleView(updated, rule) } };
  };
}

export function listRulesHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listQuery>>): Promise<RouteResult> => {
    const page = runListQuery(ruleListSpec, visibleRules(stores, ctx.auth), ctx.query, ctx.auth);
    const next = pageLinks(ctx.baseUrl, 'security-group-rules', ctx.query, page.nextMarker);
    return { body: { security_group_rules: page.items.map((r) => pickFields(ruleView(r.group, r.rule), page.fields)), ...next } };
  };
}

export function showRuleHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listQuery>>): Promise<RouteResult> => {
    const { group, rule } = findRule(stores, ctx.auth, ctx.params.ruleId);
    return { body: { security_group_rule: pickFields(ruleView(group, rule), showFields(ctx.query.fields)) } };
  };
}

export function deleteRuleHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const { group } = findRule(stores, ctx.auth, ctx.params.ruleId);
    findOwnSecurityGroup(stores, ctx.auth, group.metadata.name, 'delete_security_group_rule');
    await stores.securityGroups.update(group.metadata.name, group.metadata.namespace, (cur) => {
      const rules = cur.spec.rules ?? [];
      if (!rules.some((r) => r.id === ctx.params.ruleId)) throw neutronNotFound('SecurityGroupRuleNotFound', `Security group rule ${ctx.params.ruleId} does not exist`);
      return { ...cur, spec: { ...cur.spec, rules: rules.filter((r) => r.id !== ctx.params.ruleId), updatedAt: new Date().toISOString() } };
    });
    await releaseNetworkResources(stores, group.spec.projectId, [ruleClaim(group.metadata.name, ctx.params.ruleId).key]);
    return { status: 204 };
  };
}
