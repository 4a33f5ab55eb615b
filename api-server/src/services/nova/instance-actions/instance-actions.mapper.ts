// An instance action as the InstanceAction CR that records it: named by the server and the
// request, in the server's namespace. It is owned by no Server: Nova lists a deleted server's
// actions (2.21), so they outlive it, as Nova's stay until its database is archived; they go
// with the project's namespace.
import type { InstanceAction, Server } from '../../../../../crds/types.generated.js';
import { API_VERSION, Resources } from '../../../../../crds/resources.js';
import { MANAGED_BY, MANAGED_BY_LABEL, SERVER_LABEL } from '../../../../../crds/naming.js';
import type { AuthContext } from '../../../common/route.js';

/** Nova's action names, as its API records them. */
export type ActionName = 'create' | 'delete' | 'stop' | 'start' | 'reboot' | 'rebuild' | 'pause' | 'unpause' | 'suspend' | 'resume' | 'lock' | 'unlock' | 'createImage' | 'shelve' | 'shelveOffload' | 'unshelve' | 'resize' | 'confirmResize' | 'revertResize' | 'rescue' | 'unrescue' | 'createBackup' | 'migrate' | 'live-migration' | 'evacuate' | 'trigger_crash_dump';

export function toInstanceAction(server: Server, action: ActionName, requestId: string, auth: AuthContext): InstanceAction {
  const { name, namespace, generation } = server.metadata;
  return {
    apiVersion: API_VERSION,
    kind: Resources.InstanceAction.kind,
    metadata: {
      name: `${name}.${requestId}`,
      namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [SERVER_LABEL]: name },
    },
    spec: {
      action,
      serverId: name,
      serverGeneration: generation ?? 1,
      requestId,
      userId: auth.userId,
      projectId: auth.projectId ?? server.spec.projectId,
      startTime: new Date().toISOString(),
    },
  };
}
