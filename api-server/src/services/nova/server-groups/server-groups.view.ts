// Nova's server group view: the policy as a one-item list, the members the servers that name the
// group (so they can never disagree), no metadata; from 2.13 its project and user; from 2.64 one
// policy and its rules instead of the list and the metadata.
import type { Static } from '@sinclair/typebox';
import type { Server, ServerGroup } from '../../../../../crds/types.generated.js';
import { at } from '../microversion.js';
import type { serverGroupBody } from './server-groups.schema.js';

export function serverGroupView(group: ServerGroup, servers: Server[], mv: string | undefined): Static<typeof serverGroupBody> {
  const members = servers.filter((s) => s.spec.serverGroup?.id === group.metadata.name && !s.metadata.deletionTimestamp).map((s) => s.metadata.name);
  const owner = at(mv, 'SERVER_GROUP_OWNER') ? { project_id: group.spec.projectId, user_id: group.spec.userId } : {};
  const max = group.spec.rules?.maxServerPerHost;
  const policy = at(mv, 'SERVER_GROUP_POLICY_RULES') ? { policy: group.spec.policy, rules: max ? { max_server_per_host: max } : {} } : { policies: [group.spec.policy], metadata: {} };
  return { id: group.metadata.name, name: group.spec.name, ...policy, members, ...owner };
}
