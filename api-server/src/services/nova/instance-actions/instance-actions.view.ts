// Nova's instance action views: the action, and (for admins, Nova's default events policy, and
// from 2.51 for everyone) its compute event with its finish once the operator has seen the server settle.
import type { InstanceAction } from '../../../../../crds/types.generated.js';
import { COMPUTE_EVENTS } from '../../../../../crds/instance-actions.js';
import type { Static } from '@sinclair/typebox';
import { isoMicrosNoZone } from '../../../common/time.js';
import type { showInstanceActionResponse } from './instance-actions.schema.js';

type ActionDetail = Static<typeof showInstanceActionResponse>['instanceAction'];
type ActionSummary = Omit<ActionDetail, 'events'>;
type ActionEvent = NonNullable<ActionDetail['events']>[number];

export function instanceActionView(a: InstanceAction): ActionSummary {
  const { action, requestId, userId, projectId, startTime, message, serverId } = a.spec;
  return { action, request_id: requestId, user_id: userId, project_id: projectId, start_time: isoMicrosNoZone(startTime), message: message ?? null, instance_uuid: serverId };
}

function eventsOf(a: InstanceAction, withTraceback: boolean): ActionEvent[] {
  const event = COMPUTE_EVENTS[a.spec.action];
  if (!event) return [];
  const { finishTime, result } = a.status ?? {};
  return [{ event, start_time: isoMicrosNoZone(a.spec.startTime), finish_time: finishTime ? isoMicrosNoZone(finishTime) : null, result: result ?? null, ...(withTraceback ? { traceback: null } : {}) }];
}

/** What of the events the caller sees: Nova's events policy (admins) before 2.51; from it everyone sees them, the traceback still an admin's. */
export interface EventsShown {
  events: boolean;
  traceback: boolean;
}

export function instanceActionDetailView(a: InstanceAction, shown: EventsShown): ActionDetail {
  return { ...instanceActionView(a), ...(shown.events ? { events: eventsOf(a, shown.traceback) } : {}) };
}
