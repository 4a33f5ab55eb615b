// Which events a status change deserves: transitions only, so a steady state emits nothing.
import type { ServerStatus } from '../../../../crds/types.generated.js';
import { findCondition } from '../../runtime/conditions.js';
import type { EventSpec } from '../../runtime/events.js';
import { Reason } from './server.status.js';

export const EventReason = {
  CreatedPod: 'CreatedPod',
  DeletedPod: 'DeletedPod',
  DeletedFailedPod: 'DeletedFailedPod',
  CannotAdoptPod: 'CannotAdoptPod',
  ServerActive: 'ServerActive',
  ServerError: 'ServerError',
} as const;

type Transition = (prev: ServerStatus, next: ServerStatus) => EventSpec | undefined;

const readyReason = (s: ServerStatus): string | undefined => findCondition(s.conditions, 'Ready')?.reason;

const TRANSITIONS: Transition[] = [
  (prev, next) =>
    next.status === 'ACTIVE' && prev.status !== 'ACTIVE'
      ? { type: 'Normal', reason: EventReason.ServerActive, note: `Server is active on host ${next.host ?? 'unknown'}` }
      : undefined,
  (prev, next) =>
    next.status === 'ERROR' && (prev.status !== 'ERROR' || prev.fault?.message !== next.fault?.message)
      ? { type: 'Warning', reason: EventReason.ServerError, note: next.fault?.message ?? 'Server is in error' }
      : undefined,
  (prev, next) =>
    readyReason(next) === Reason.PodConflict && readyReason(prev) !== Reason.PodConflict
      ? { type: 'Warning', reason: EventReason.CannotAdoptPod, note: next.fault?.message ?? 'Pod is not controlled by this server' }
      : undefined,
];

export function transitionEvents(prev: ServerStatus | undefined, next: ServerStatus): EventSpec[] {
  return TRANSITIONS.map((t) => t(prev ?? {}, next)).filter((e): e is EventSpec => e !== undefined);
}
