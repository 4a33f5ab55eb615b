// Nova's instance action views: the action, and (for admins, Nova's default events policy, and
// from 2.51 for everyone) its compute event with its finish once the operator has seen the server settle.
import type { InstanceAction } from '../../../../../crds/types.generated.js';
import { COMPUTE_EVENTS } from '../../../../../crds/instance-actions.js';
import type { Static } from '@sinclair/typebox';
import { isoMicrosNoZone } from '../../../common/time.js';
import { at } from '../microversion.js';
import { hostId } from '../servers/servers.view.js';
import { actionUpdatedAt } from './instance-actions.query.js';
import type { showInstanceActionResponse } from './instance-actions.schema.js';

type ActionDetail = Static<typeof showInstanceActionResponse>['instanceAction'];
type ActionSummary = Omit<ActionDetail, 'events'>;
type ActionEvent = NonNullable<ActionDetail['events']>[number];

export function instanceActionView(a: InstanceAction, mv: string | undefined): ActionSummary {
  const { action, requestId, userId, projectId, startTime, message, serverId } = a.spec;
  const updated = at(mv, 'INSTANCE_ACTIONS_PAGING') ? { updated_at: isoMicrosNoZone(actionUpdatedAt(a)) } : {};
  return { action, request_id: requestId, user_id: userId, project_id: projectId, start_time: isoMicrosNoZone(startTime), message: message ?? null, instance_uuid: serverId, ...updated };
}

/**
 * What of the events the caller sees: Nova's events policy (admins) before 2.51, everyone from it,
 * the traceback still an admin's; from 2.62 the host's hashed id, and the host for admins (the
 * server's host as it now is: the operator does not record where each event ran).
 */
export interface EventsShown {
  events: boolean;
  admin: boolean;
  microversion?: string;
  host?: string;
}

function eventHost(a: InstanceAction, shown: EventsShown): Partial<ActionEvent> {
  if (!at(shown.microversion, 'EVENT_HOST')) return {};
  return { hostId: hostId(a.spec.projectId, shown.host), ...(shown.admin ? { host: shown.host ?? '' } : {}) };
}

function eventsOf(a: InstanceAction, shown: EventsShown): ActionEvent[] {
  const event = COMPUTE_EVENTS[a.spec.action];
  if (!event) return [];
  const { finishTime, result } = a.status ?? {};
  const times = { start_time: isoMicrosNoZone(a.spec.startTime), finish_time: finishTime ? isoMicrosNoZone(finishTime) : null };
  return [{ event, ...times, result: result ?? null, ...(shown.admin ? { traceback: null } : {}), ...eventHost(a, shown) }];
}

export function instanceActionDetailView(a: InstanceAction, shown: EventsShown): ActionDetail {
  return { ...instanceActionView(a, shown.microversion), ...(shown.events ? { events: eventsOf(a, shown) } : {}) };
}
