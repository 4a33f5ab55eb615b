// A server group as its ServerGroup CR, in the project's namespace, named by a new UUID.
import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { ServerGroup } from '../../../../../crds/types.generated.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { AuthContext } from '../../../common/route.js';
import type { createServerGroupBody } from './server-groups.schema.js';

export function toServerGroup(projectId: string, auth: AuthContext, req: Static<typeof createServerGroupBody>['server_group']): ServerGroup {
  const policy = req.policy ?? req.policies?.[0] ?? 'affinity';
  const max = req.rules?.max_server_per_host;
  return {
    ...typeMeta(Resources.ServerGroup),
    metadata: { name: randomUUID(), namespace: projectNamespace(projectId) },
    spec: { name: req.name, policy, projectId, userId: auth.userId, ...(max !== undefined ? { rules: { maxServerPerHost: Number(max) } } : {}) },
  };
}
