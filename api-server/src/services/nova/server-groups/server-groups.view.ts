// Nova's server group view at 2.1: the policy as a one-item list, the members the servers that
// name the group (so they can never disagree), no metadata.
import type { Static } from '@sinclair/typebox';
import type { Server, ServerGroup } from '../../../../../crds/types.generated.js';
import type { serverGroupBody } from './server-groups.schema.js';

export function serverGroupView(group: ServerGroup, servers: Server[]): Static<typeof serverGroupBody> {
  const members = servers.filter((s) => s.spec.serverGroup?.id === group.metadata.name && !s.metadata.deletionTimestamp).map((s) => s.metadata.name);
  return { id: group.metadata.name, name: group.spec.name, policies: [group.spec.policy], members, metadata: {} };
}
