// The filters of GET /v3/projects: exact name, domain, parent (a top-level project's parent is
// its domain, so parent_id=<domain> lists the top level), enabled, and Keystone's tag filters:
// tags (all of), tags-any (one of), not-tags (not all of), not-tags-any (none of), each a
// comma-separated list.
import type { Project } from '../../../../../crds/types.generated.js';
import { lastQueryValue } from '../../../common/pagination.js';
import { matchesQuery, queryFlag } from '../collection.js';
import type { ListProjectsQuery } from './projects.schema.js';

function tagSet(raw: string | string[] | undefined): string[] | undefined {
  const v = lastQueryValue(raw);
  return v === undefined ? undefined : v.split(',').filter((t) => t !== '');
}

function tagFilter(query: ListProjectsQuery): (tags: string[]) => boolean {
  const [all, any, notAll, notAny] = [tagSet(query.tags), tagSet(query['tags-any']), tagSet(query['not-tags']), tagSet(query['not-tags-any'])];
  return (tags) =>
    (all === undefined || all.every((t) => tags.includes(t))) &&
    (any === undefined || any.some((t) => tags.includes(t))) &&
    (notAll === undefined || !notAll.every((t) => tags.includes(t))) &&
    (notAny === undefined || !notAny.some((t) => tags.includes(t)));
}

export function projectFilter(query: ListProjectsQuery): (p: Project) => boolean {
  const enabled = queryFlag(query.enabled);
  const isDomain = queryFlag(query.is_domain);
  const tags = tagFilter(query);
  return (p) =>
    matchesQuery(query.name, p.spec.name) &&
    matchesQuery(query.domain_id, p.spec.domainId) &&
    matchesQuery(query.parent_id, p.spec.parentId ?? p.spec.domainId) &&
    (enabled === undefined || (p.spec.enabled !== false) === enabled) &&
    // Projects acting as domains are listed apart (projects.domains.ts).
    isDomain !== true &&
    tags(p.spec.tags ?? []);
}
