// A resize (or a cold or live migration) that cannot be placed: Nova's scheduler finds no host for the new flavor before anything
// moves, so the instance stays ACTIVE on its old flavor and only the action fails (its event
// Error, an instance fault). Here the new flavor's Pod is already made when the scheduler says
// Unschedulable, so the operator rolls the spec back, as Nova's conductor does: the old flavor
// again, no resize to confirm, and a new boot (ResizeRollback) that makes the old flavor's Pod
// while the server reads ACTIVE. The Resized condition says why; instance actions read it.
import type { Server, ServerStatus } from '../../../../crds/types.generated.js';
import type { Pod } from '../../../../crds/kube-types.js';
import { setConditions } from '../../runtime/conditions.js';
import { isUnschedulable, podCondition } from './server.phase.js';
import { isStaleBoot } from './server.resources.js';

export const RESIZED_CONDITION = 'Resized';
export const NO_VALID_HOST_REASON = 'NoValidHost';

/** A JSON merge patch of the spec: null removes the resize and the migration. */
export interface RollbackPatch {
  flavorRef: string;
  resize: null;
  migration: null;
  boot: NonNullable<Server['spec']['boot']>;
}

/** The boots Nova rolls back when no host takes them: a resize, and a cold or live migration. */
const ROLLED_BACK = new Set(['Resize', 'Migrate', 'LiveMigrate']);

/** The spec patch that undoes an unplaceable resize or migration, or undefined when none is stuck so. */
export function resizeRollback(server: Server, pod: Pod | undefined): RollbackPatch | undefined {
  const { resize, boot, flavorRef } = server.spec;
  if (!boot || !ROLLED_BACK.has(boot.kind) || !pod || pod.metadata.deletionTimestamp || isStaleBoot(server, pod) || !isUnschedulable(pod)) return undefined;
  return { flavorRef: resize?.oldFlavorRef ?? flavorRef, resize: null, migration: null, boot: { serial: boot.serial + 1, kind: 'ResizeRollback' } };
}

/** The scheduler's words, for the condition and the event. */
export function unplaceableMessage(pod: Pod): string {
  const details = podCondition(pod, 'PodScheduled')?.message;
  return `No valid host was found; the server stays as it was${details ? `: ${details}` : ''}`;
}

/** The status after a rollback, with Resized=False at the rolled-back generation. */
export function withResizeFailed(status: ServerStatus, generation: number | undefined, message: string, now: Date): ServerStatus {
  const condition = { type: RESIZED_CONDITION, status: 'False' as const, reason: NO_VALID_HOST_REASON, message, observedGeneration: generation };
  return { ...status, conditions: setConditions(status.conditions, [condition], now) };
}

