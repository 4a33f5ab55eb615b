// Nova's server group view: the policy as a one-item list, the members the servers that name the
// group (so they can never disagree), no metadata; from 2.13 its project and user.
import type { Static } from '@sinclair/typebox';
import type { Server, ServerGroup } from '../../../../../crds/types.generated.js';
import { at } from '../microversion.js';
import type { serverGroupBody } from './server-groups.schema.js';

export function serverGroupView(group: ServerGroup, servers: Server[], mv: string | undefined): Static<typeof serverGroupBody> {
  const members = servers.filter((s) => s.spec.serverGroup?.id === group.metadata.name && !s.metadata.deletionTimestamp).map((s) => s.metadata.name);
  const owner = at(mv, 'SERVER_GROUP_OWNER') ? { project_id: group.spec.projectId, user_id: group.spec.userId } : {};
  return { id: group.metadata.name, name: group.spec.name, policies: [group.spec.policy], members, metadata: {}, ...owner };
}
