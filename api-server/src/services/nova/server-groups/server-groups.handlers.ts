// /os-server-groups: create in the caller's project, list (an admin's all_projects lists every
// project's), show and delete; another project's group is a 404. Members are the servers that name
// a group; deleting a group leaves its servers (and their Pods' affinity) as they are, as Nova does.
import type { Static } from '@sinclair/typebox';
import type { ServerGroup } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, forbidden, notFound } from '../../../common/errors.js';
import { at, refuseKeysOutsideVersion, refuseUnknownQueryKeys } from '../microversion.js';
import { requireProject } from '../../../common/policy.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { toServerGroup } from './server-groups.mapper.js';
import { SOFT_POLICIES, type createServerGroupBody, type listServerGroupsQuery, type ServerGroupCreateRequest } from './server-groups.schema.js';
import { serverGroupView } from './server-groups.view.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { claimKey } from '../../../quota/quota.keys.js';
import { Resources } from '../../../../../crds/resources.js';
import { claimIn } from '../quota-sets/quota-sets.admission.js';

/** The group with this id in the caller's project (any project's for an admin), or Nova's 404. */
export function findServerGroup(stores: Stores, auth: AuthContext, id: string): ServerGroup {
  const group = auth.isAdmin ? stores.serverGroups.list().find((g) => g.metadata.name === id) : auth.projectId ? stores.serverGroups.get(id, projectNamespace(auth.projectId)) : undefined;
  if (!group) throw notFound(`Instance group ${id} could not be found.`);
  return group;
}

const view = (stores: Stores, group: ServerGroup, mv: string | undefined): ReturnType<typeof serverGroupView> => serverGroupView(group, stores.servers.list(group.metadata.namespace), mv);

/** policies before 2.64, policy (and rules) from it: each version's schema, required keys and enums. */
function checkVersion(req: ServerGroupCreateRequest, mv: string | undefined): void {
  const newStyle = at(mv, 'SERVER_GROUP_POLICY_RULES');
  refuseKeysOutsideVersion('server_group', req, mv, { since: { policy: 'SERVER_GROUP_POLICY_RULES', rules: 'SERVER_GROUP_POLICY_RULES' }, until: { policies: 'SERVER_GROUP_POLICY_RULES' } });
  const key = newStyle ? 'policy' : 'policies';
  if (req[key] === undefined) throw badRequest(`Invalid input for field/attribute server_group. Value: ${JSON.stringify(req)}. '${key}' is a required property`);
  const soft = (req.policies ?? []).find((p) => (SOFT_POLICIES as readonly string[]).includes(p));
  if (soft && !at(mv, 'SOFT_POLICIES')) throw badRequest(`Invalid input for field/attribute 0. Value: ${soft}. '${soft}' is not one of ['anti-affinity', 'affinity']`);
}

/**
 * 2.64's rules: only anti-affinity takes them (Nova's 400). max_server_per_host 1 is what the Pods'
 * required anti-affinity per node places; more would need a placement Kubernetes' affinity cannot
 * say, so it is refused rather than placed more strictly than asked.
 */
function checkRules(req: ServerGroupCreateRequest): void {
  if (req.rules === undefined || Object.keys(req.rules).length === 0) return;
  if (req.policy !== 'anti-affinity') throw badRequest('Only anti-affinity policy supports rules.');
  const max = Number(req.rules.max_server_per_host);
  if (max > 1) throw badRequest(`max_server_per_host ${max} is not supported: anti-affinity here places at most 1 server of the group per host.`);
}

/** The group's server_groups claim, made before the group is written (Nova's 403 when none is left). */
async function claimGroup(quotas: QuotaAdmission, group: ServerGroup): Promise<void> {
  const overages = await claimIn(quotas, group.spec.projectId, { key: claimKey(Resources.ServerGroup, group.metadata.name), resources: { server_groups: 1 }, userId: group.spec.userId });
  if (overages.length) throw forbidden('Quota exceeded, too many server groups.');
}

export function createServerGroupHandler(stores: Stores, quotas: QuotaAdmission) {
  return async (ctx: RouteContext<Static<typeof createServerGroupBody>, object>): Promise<RouteResult> => {
    checkVersion(ctx.body.server_group, ctx.microversion);
    checkRules(ctx.body.server_group);
    const wanted = toServerGroup(requireProject(ctx.auth), ctx.auth, ctx.body.server_group);
    await claimGroup(quotas, wanted);
    try {
      const group = await stores.serverGroups.create(wanted);
      return { body: { server_group: view(stores, group, ctx.microversion) } };
    } catch (err) {
      await quotas.release(wanted.spec.projectId, 'compute', claimKey(Resources.ServerGroup, wanted.metadata.name)).catch(() => undefined);
      throw err;
    }
  };
}

export function listServerGroupsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listServerGroupsQuery>>): Promise<RouteResult> => {
    refuseUnknownQueryKeys(ctx.query, ['all_projects', 'limit', 'offset'], ctx.microversion);
    const all = ctx.auth.isAdmin && ['true', 'True', '1'].includes(String(ctx.query.all_projects ?? ''));
    const groups = all ? stores.serverGroups.list() : ctx.auth.projectId ? stores.serverGroups.list(projectNamespace(ctx.auth.projectId)) : [];
    const sorted = [...groups].sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
    const offset = Number(ctx.query.offset ?? 0);
    const page = sorted.slice(offset, ctx.query.limit === undefined ? undefined : offset + Number(ctx.query.limit));
    return { body: { server_groups: page.map((g) => view(stores, g, ctx.microversion)) } };
  };
}

export function showServerGroupHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => ({ body: { server_group: view(stores, findServerGroup(stores, ctx.auth, ctx.params.groupId), ctx.microversion) } });
}

export function deleteServerGroupHandler(stores: Stores, quotas: QuotaAdmission) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const group = findServerGroup(stores, ctx.auth, ctx.params.groupId);
    await stores.serverGroups.delete(group.metadata.name, group.metadata.namespace);
    await quotas.release(group.spec.projectId, 'compute', claimKey(Resources.ServerGroup, group.metadata.name));
    return {};
  };
}
