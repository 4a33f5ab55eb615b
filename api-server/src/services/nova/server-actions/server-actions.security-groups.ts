// addSecurityGroup / removeSecurityGroup: Nova applies the group to (or takes it off) every port of
// the server in Neutron, and the operator relabels the Pod so the group's NetworkPolicy selects it
// (or no longer does). A group named twice, or removed when not there, is Nova's 400; an unknown
// group is a 404.
import type { Port, SecurityGroup, Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, notFound } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { findProjectGroup, serverPorts } from '../servers/servers.networks.js';

async function findGroup(stores: Stores, auth: AuthContext, server: Server, name: string): Promise<SecurityGroup> {
  const group = await findProjectGroup(stores, auth, server.spec.projectId, name);
  if (!group) throw notFound(`Security group ${name} not found for project ${server.spec.projectId}.`);
  return group;
}

function portsOf(stores: Stores, server: Server): Port[] {
  const ports = serverPorts(stores, server);
  if (!ports.length) throw badRequest(`Instance ${server.metadata.name} has no network ports to apply security groups to.`);
  return ports;
}

async function setPortGroups(stores: Stores, ports: Port[], change: (ids: string[]) => string[]): Promise<void> {
  const now = new Date().toISOString();
  for (const p of ports) {
    await stores.ports.update(p.metadata.name, p.metadata.namespace, (cur) => ({ ...cur, spec: { ...cur.spec, securityGroups: change(cur.spec.securityGroups ?? []), updatedAt: now } }));
  }
}

async function setServerGroupNames(stores: Stores, server: Server, change: (names: string[]) => string[]): Promise<void> {
  await stores.servers.update(server.metadata.name, server.metadata.namespace, (cur) => ({ ...cur, spec: { ...cur.spec, securityGroups: change(cur.spec.securityGroups ?? []) } }));
}

export async function addSecurityGroup(stores: Stores, auth: AuthContext, server: Server, name: string): Promise<void> {
  const group = await findGroup(stores, auth, server, name);
  const ports = portsOf(stores, server);
  const id = group.metadata.name;
  if (ports.every((p) => (p.spec.securityGroups ?? []).includes(id))) {
    throw badRequest(`Security group ${name} is already associated with the instance ${server.metadata.name}`);
  }
  await setPortGroups(stores, ports, (ids) => (ids.includes(id) ? ids : [...ids, id]));
  await setServerGroupNames(stores, server, (names) => (names.includes(group.spec.name) ? names : [...names, group.spec.name]));
}

export async function removeSecurityGroup(stores: Stores, auth: AuthContext, server: Server, name: string): Promise<void> {
  const group = await findGroup(stores, auth, server, name);
  const ports = portsOf(stores, server);
  const id = group.metadata.name;
  if (!ports.some((p) => (p.spec.securityGroups ?? []).includes(id))) {
    throw badRequest(`Security group ${name} not associated with the instance ${server.metadata.name}`);
  }
  await setPortGroups(stores, ports, (ids) => ids.filter((x) => x !== id));
  await setServerGroupNames(stores, server, (names) => names.filter((n) => n !== group.spec.name && n !== id));
}
