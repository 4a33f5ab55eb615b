// GET /servers/{id}/os-security-groups: the groups of the server's ports, as Nova asks Neutron for
// them (openstacksdk's fetch_server_security_groups, which Ansible's server module calls).
import type { SecurityGroup, Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findServer } from '../servers/servers.handlers.js';
import { serverPorts } from '../servers/servers.networks.js';
import { novaSecurityGroupView } from './server-security-groups.view.js';

/** The security groups on the server's ports, each once, in the order the ports name them. */
export function serverSecurityGroups(stores: Stores, server: Server): SecurityGroup[] {
  const ids = new Set(serverPorts(stores, server).flatMap((p) => p.spec.securityGroups ?? []));
  return [...ids].map((id) => stores.securityGroups.get(id, server.metadata.namespace)).filter((g): g is SecurityGroup => g !== undefined);
}

export function listServerSecurityGroupsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    const name = (id: string): string | undefined => stores.securityGroups.get(id, server.metadata.namespace)?.spec.name;
    return { body: { security_groups: serverSecurityGroups(stores, server).map((g) => novaSecurityGroupView(g, name)) } };
  };
}
