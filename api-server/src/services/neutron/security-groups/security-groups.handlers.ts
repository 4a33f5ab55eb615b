// Security group handlers: a new group starts with Neutron's two egress rules; the project's
// default group appears on first use and cannot be deleted by its project; a group a port uses
// cannot be deleted either.
import type { Static } from '@sinclair/typebox';
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { checkRevision, expectedRevision, neutronConflict, requestedProject, toBool } from '../neutron.errors.js';
import { pageLinks, showFields } from '../neutron.query.js';
import { isOverQuota, releaseNetworkResources, securityGroupClaims, withNetworkClaims } from '../quotas/quotas.admission.js';
import { ensureDefaultGroup, findOwnSecurityGroup, findSecurityGroup, securityGroupVisible } from './security-groups.access.js';
import { DEFAULT_GROUP, defaultGroupId, egressRules, toSecurityGroupResource } from './security-groups.mapper.js';
import { securityGroupListSpec } from './security-groups.query.js';
import type { createSecurityGroupBody, listQuery, updateSecurityGroupBody } from './security-groups.schema.js';
import { securityGroupView } from './security-groups.view.js';

export function createSecurityGroupHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createSecurityGroupBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.security_group;
    const projectId = requestedProject(requireProject(ctx.auth), ctx.auth.isAdmin, req);
    if (req.name === DEFAULT_GROUP) throw neutronConflict('SecurityGroupDefaultAlreadyExists', 'Default security group already exists.');
    await ensureDefaultGroup(stores, projectId);
    const now = new Date();
    const group = toSecurityGroupResource({ projectId, name: req.name ?? '', description: req.description, stateful: toBool(req.stateful), rules: egressRules(now) }, now);
    try {
      const created = await withNetworkClaims(stores, projectId, securityGroupClaims(group), () => stores.securityGroups.create(group));
      return { body: { security_group: securityGroupView(created) } };
    } catch (err) {
      if (isNotFound(err)) throw projectNotReady(projectId);
      throw err;
    }
  };
}

export function listSecurityGroupsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listQuery>>): Promise<RouteResult> => {
    // Tempest and Nova expect the caller's default group to be there, made or not; a project
    // whose quota leaves no room for it still gets its list.
    if (ctx.auth.projectId) await ensureDefaultGroup(stores, ctx.auth.projectId).catch((err: unknown) => {
      if (!isOverQuota(err)) throw err;
    });
    const visible = stores.securityGroups.list().filter((g) => securityGroupVisible(g, ctx.auth));
    const page = runListQuery(securityGroupListSpec, visible, ctx.query, ctx.auth);
    const next = pageLinks(ctx.baseUrl, 'security-groups', ctx.query, page.nextMarker);
    return { body: { security_groups: page.items.map((g) => pickFields(securityGroupView(g), page.fields)), ...next } };
  };
}

export function showSecurityGroupHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listQuery>>): Promise<RouteResult> => {
    const sg = findSecurityGroup(stores, ctx.auth, ctx.params.securityGroupId);
    return { body: { security_group: pickFields(securityGroupView(sg), showFields(ctx.query.fields)) } };
  };
}

export function updateSecurityGroupHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateSecurityGroupBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.security_group;
    const sg = findOwnSecurityGroup(stores, ctx.auth, ctx.params.securityGroupId, 'update_security_group');
    if (sg.metadata.name === defaultGroupId(sg.spec.projectId) && req.name !== undefined && req.name !== DEFAULT_GROUP) {
      throw neutronConflict('SecurityGroupCannotUpdateDefault', 'Updating default security group not allowed.');
    }
    // Only the project's default group is named so: another may not take the name.
    if (sg.metadata.name !== defaultGroupId(sg.spec.projectId) && req.name === DEFAULT_GROUP) {
      throw neutronConflict('SecurityGroupDefaultAlreadyExists', 'Default security group already exists.');
    }
    const expected = expectedRevision(ctx.req.get('If-Match'));
    const updated = await stores.securityGroups.update(sg.metadata.name, sg.metadata.namespace, (cur) => {
      checkRevision(expected, cur.metadata.generation ?? 1);
      const spec = { ...cur.spec, updatedAt: new Date().toISOString() };
      if (req.name !== undefined) spec.name = req.name;
      if (req.description !== undefined) spec.description = req.description;
      if (req.stateful !== undefined) spec.stateful = toBool(req.stateful);
      return { ...cur, spec };
    });
    return { body: { security_group: securityGroupView(updated ?? sg) } };
  };
}

function checkDeletable(stores: Stores, auth: AuthContext, sg: SecurityGroup): void {
  if (!auth.isAdmin && sg.metadata.name === defaultGroupId(sg.spec.projectId)) {
    throw neutronConflict('SecurityGroupCannotRemoveDefault', 'Insufficient rights for removing default security group.');
  }
  if (stores.ports.list().some((p) => (p.spec.securityGroups ?? []).includes(sg.metadata.name))) {
    throw neutronConflict('SecurityGroupInUse', `Security Group ${sg.metadata.name} in use.`);
  }
}

export function deleteSecurityGroupHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const sg = findOwnSecurityGroup(stores, ctx.auth, ctx.params.securityGroupId, 'delete_security_group');
    checkRevision(expectedRevision(ctx.req.get('If-Match')), sg.metadata.generation ?? 1);
    checkDeletable(stores, ctx.auth, sg);
    await stores.securityGroups.delete(sg.metadata.name, sg.metadata.namespace);
    await releaseNetworkResources(stores, sg.spec.projectId, securityGroupClaims(sg).map((c) => c.key));
    return { status: 204 };
  };
}
