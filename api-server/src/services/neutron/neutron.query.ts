// What every Neutron collection's list and show share: booleans as Python clients send them,
// changed_since, fields= on a show, and the next link of a page.
import type { FilterMatcher } from '../../common/list-query.js';
import { nextQuery } from '../../common/pagination.js';
import { neutronBadRequest } from './neutron.errors.js';

/** A boolean attribute filter: "True", "true" and "1" mean true, anything else false; repeated values are an OR. */
export function boolFilter<T>(valueOf: (item: T) => boolean): FilterMatcher<T> {
  return (values) => {
    const wanted = new Set(values.map((v) => ['true', '1'].includes(v.toLowerCase())));
    return (item) => wanted.has(valueOf(item));
  };
}

/** changed_since (standard-attr-timestamp): updated at or after the given time (to the second, as shown). */
export function changedSince<T>(updatedAtOf: (item: T) => string): FilterMatcher<T> {
  return (values) => {
    const raw = values[values.length - 1];
    const since = Date.parse(raw);
    if (Number.isNaN(since)) throw neutronBadRequest(`Invalid input for changed_since. Reason: '${raw}' is not a valid timestamp.`);
    return (item) => Date.parse(updatedAtOf(item)) >= since - 999;
  };
}

/** fields= on a show: the attributes asked for, or undefined for all of them. */
export function showFields(raw: string | string[] | undefined): string[] | undefined {
  const fields = [raw ?? []].flat().filter(Boolean);
  return fields.length ? fields : undefined;
}

/** `<collection>_links` with a next link when another page exists, else nothing. */
export function pageLinks(base: string, collection: string, query: Record<string, unknown>, nextMarker: string | undefined): Record<string, { rel: string; href: string }[]> {
  if (!nextMarker) return {};
  return { [`${collection.replace(/-/g, '_')}_links`]: [{ rel: 'next', href: `${base}/network/v2.0/${collection}?${nextQuery(query, nextMarker)}` }] };
}
