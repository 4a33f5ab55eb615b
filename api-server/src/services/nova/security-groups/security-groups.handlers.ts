// Nova's os-security-groups proxy (served up to microversion 2.35, as Nova serves it): the
// project's Neutron security groups in Nova's format, listed or shown by id. The openstack CLI's
// `server add security group` finds the group here before it calls the action.
import type { SecurityGroup } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { notFound } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { securityGroupVisible } from '../../neutron/security-groups/security-groups.access.js';
import { novaSecurityGroupView } from '../server-security-groups/server-security-groups.view.js';

/** The list is the token's project's groups (an admin too, as Nova lists without all_tenants). */
function projectGroups(stores: Stores, auth: AuthContext): SecurityGroup[] {
  return stores.securityGroups.list().filter((g) => g.spec.projectId === auth.projectId);
}

const nameOf = (stores: Stores) => (id: string): string | undefined => stores.securityGroups.list().find((g) => g.metadata.name === id)?.spec.name;

export function listNovaSecurityGroupsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    return { body: { security_groups: projectGroups(stores, ctx.auth).map((g) => novaSecurityGroupView(g, nameOf(stores))) } };
  };
}

export function showNovaSecurityGroupHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const group = stores.securityGroups.list().find((g) => g.metadata.name === ctx.params.securityGroupId && securityGroupVisible(g, ctx.auth));
    if (!group) throw notFound(`Security group ${ctx.params.securityGroupId} not found.`);
    return { body: { security_group: novaSecurityGroupView(group, nameOf(stores)) } };
  };
}
