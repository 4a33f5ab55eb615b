// Which events a status change deserves: transitions only, so a steady state emits nothing, and
// only transitions into trouble. Becoming ACTIVE is told by the Ready condition and its
// lastTransitionTime, as a ReplicaSet's Pods becoming ready are: Kubernetes' controllers record
// the actions they take (CreatedPod here, SuccessfulCreate there) and the problems they meet, and
// an event per server per boot would be a quarter of the apiserver's writes for a server (B1).
import type { ServerStatus } from '../../../../crds/types.generated.js';
import { findCondition } from '../../runtime/conditions.js';
import type { EventSpec } from '../../runtime/events.js';
import { Reason } from './server.status.js';

export const EventReason = {
  CreatedPod: 'CreatedPod',
  DeletedPod: 'DeletedPod',
  DeletedFailedPod: 'DeletedFailedPod',
  /** The Pod of an earlier boot, deleted for a reboot or rebuild. */
  ReplacedPod: 'ReplacedPod',
  CannotAdoptPod: 'CannotAdoptPod',
  CannotUseNamespace: 'CannotUseNamespace',
  ServerError: 'ServerError',
  /** A resize no node could take, rolled back to the old flavor. */
  ResizeFailed: 'ResizeFailed',
} as const;

type Transition = (prev: ServerStatus, next: ServerStatus) => EventSpec | undefined;

const readyReason = (s: ServerStatus): string | undefined => findCondition(s.conditions, 'Ready')?.reason;

/** Problems that have a warning of their own, more telling than the generic ServerError. */
const SPECIFIC_WARNINGS: Record<string, string> = {
  [Reason.PodConflict]: EventReason.CannotAdoptPod,
  [Reason.NamespaceNotOwned]: EventReason.CannotUseNamespace,
};

const TRANSITIONS: Transition[] = [
  (prev, next) => {
    const reason = readyReason(next);
    const specific = reason === undefined ? undefined : SPECIFIC_WARNINGS[reason];
    if (!specific || readyReason(prev) === reason) return undefined;
    return { type: 'Warning', reason: specific, note: next.fault?.message ?? 'Server cannot be built' };
  },
  (prev, next) => {
    // The fault of a problem with its own warning is already told by that warning: one event, not two.
    const told = SPECIFIC_WARNINGS[readyReason(next) ?? ''] !== undefined;
    const changed = prev.status !== 'ERROR' || prev.fault?.message !== next.fault?.message;
    return next.status === 'ERROR' && changed && !told
      ? { type: 'Warning', reason: EventReason.ServerError, note: next.fault?.message ?? 'Server is in error' }
      : undefined;
  },
];

export function transitionEvents(prev: ServerStatus | undefined, next: ServerStatus): EventSpec[] {
  return TRANSITIONS.map((t) => t(prev ?? {}, next)).filter((e): e is EventSpec => e !== undefined);
}
