// An instance action's status as a pure function of the action and its server: the compute event
// finishes once the operator has observed the server's spec as the action left it and the server
// has settled (no task in progress, not building, rebooting or rebuilding), with Nova's result.
// A finished action stays finished.
import type { InstanceAction, InstanceActionStatus, Server } from '../../../../crds/types.generated.js';
import { COMPUTE_EVENTS } from '../../../../crds/instance-actions.js';
import { kubeTime } from '../../runtime/clock.js';

/** The statuses a server passes through on its way to a settled one. */
const UNSETTLED = new Set(['BUILD', 'REBOOT', 'HARD_REBOOT', 'REBUILD', 'RESIZE', 'REVERT_RESIZE', 'MIGRATING']);

export function hasSettled(server: Server, generation: number): boolean {
  const st = server.status;
  if (!st || server.metadata.deletionTimestamp || (st.observedGeneration ?? 0) < generation) return false;
  return !st.taskState && !UNSETTLED.has(st.status ?? 'BUILD');
}

/** The actions the operator rolls back when no host takes the server (server.resize-rollback.ts). */
const MOVES = new Set(['resize', 'migrate', 'live-migration']);

/**
 * Whether the action failed: the server ended in ERROR, or (a resize no node could take, rolled
 * back to ACTIVE on the old flavor) its Resized condition went False at or after the action.
 */
function failed(action: InstanceAction, server: Server): boolean {
  if (server.status?.status === 'ERROR') return true;
  const resized = server.status?.conditions?.find((c) => c.type === 'Resized');
  return MOVES.has(action.spec.action) && resized?.status === 'False' && (resized.observedGeneration ?? 0) >= action.spec.serverGeneration;
}

export function computeActionStatus(action: InstanceAction, server: Server | undefined, now: Date): InstanceActionStatus | undefined {
  if (action.status?.finishTime) return action.status;
  if (!COMPUTE_EVENTS[action.spec.action]) return action.status;
  // A delete is done when the server is gone (its actions outlive it from 2.21).
  if (!server) return action.spec.action === 'delete' ? { finishTime: kubeTime(now), result: 'Success' } : action.status;
  if (!hasSettled(server, action.spec.serverGeneration)) return action.status;
  return { finishTime: kubeTime(now), result: failed(action, server) ? 'Error' : 'Success' };
}
