// 2.58's paging of a server's actions (newest first): limit, a marker naming a request id (an
// unknown one is Nova's 400), changes-since and from 2.66 changes-before on the action's
// updated_at; the query is strict from 2.58 (an unknown key is a 400).
import type { InstanceAction } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { lastQueryValue, nextQuery, parseLimit } from '../../../common/pagination.js';
import { at, unexpectedKeys } from '../microversion.js';

/** Nova's api.max_limit. */
const MAX_ACTIONS_PAGE = 1000;

/** When the action last changed: its compute event's finish, else its start (Nova's updated_at). */
export const actionUpdatedAt = (a: InstanceAction): string => a.status?.finishTime ?? a.spec.startTime;

function parseTime(key: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(t)) throw badRequest(`Invalid input for query parameters ${key}. Value: ${raw}. '${raw}' is not a 'date-time'`);
  return t;
}

function allowedKeys(mv: string | undefined): string[] {
  return ['limit', 'marker', 'changes-since', ...(at(mv, 'CHANGES_BEFORE') ? ['changes-before'] : [])];
}

function inWindow(actions: InstanceAction[], query: Record<string, unknown>): InstanceAction[] {
  const since = parseTime('changes-since', lastQueryValue(query['changes-since']));
  const before = parseTime('changes-before', lastQueryValue(query['changes-before']));
  if (since !== undefined && before !== undefined && before < since) throw badRequest('The value of changes-since must be less than or equal to changes-before.');
  return actions.filter((a) => {
    const t = Date.parse(actionUpdatedAt(a));
    return (since === undefined || t >= since) && (before === undefined || t <= before);
  });
}

/** One page of the actions (already newest first), and the next page's query when more follow. */
export function pageActions(actions: InstanceAction[], query: Record<string, unknown>, mv: string | undefined): { page: InstanceAction[]; next?: string } {
  const unknown = Object.keys(query).filter((k) => !allowedKeys(mv).includes(k));
  if (unknown.length) throw unexpectedKeys('query parameters', query, unknown);
  const listed = inWindow(actions, query);
  const marker = lastQueryValue(query.marker);
  const start = marker === undefined ? 0 : listed.findIndex((a) => a.spec.requestId === marker) + 1;
  if (marker !== undefined && start === 0) throw badRequest(`Marker ${marker} could not be found.`);
  const limit = parseLimit(query.limit, MAX_ACTIONS_PAGE);
  const page = listed.slice(start, start + limit);
  const more = start + limit < listed.length && page.length > 0;
  return { page, ...(more ? { next: nextQuery(query, page[page.length - 1].spec.requestId) } : {}) };
}
