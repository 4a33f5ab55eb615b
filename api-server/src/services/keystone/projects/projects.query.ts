// The filters of GET /v3/projects: exact name, domain, parent (a top-level project's parent is
// its domain, so parent_id filters the same way), enabled.
import type { Project } from '../../../../../crds/types.generated.js';
import { matchesQuery, queryFlag } from '../collection.js';
import type { ListProjectsQuery } from './projects.schema.js';

export function projectFilter(query: ListProjectsQuery): (p: Project) => boolean {
  const enabled = queryFlag(query.enabled);
  return (p) =>
    matchesQuery(query.name, p.spec.name) &&
    matchesQuery(query.domain_id, p.spec.domainId) &&
    matchesQuery(query.parent_id, p.spec.domainId) &&
    (enabled === undefined || (p.spec.enabled !== false) === enabled);
}
