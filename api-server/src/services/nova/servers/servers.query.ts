// Filtering, sorting and paging of server lists (GET /servers and /servers/detail).
import type { Server } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { compareBy, lastQueryValue, paginate, parseBoolQuery, type Page } from '../../../common/pagination.js';
import type { AuthContext } from '../../../common/route.js';
import { refId } from './servers.mapper.js';
import { patternMatcher } from '../../../common/safe-regex.js';
import { updatedAt } from './servers.view.js';

const MAX_LIMIT = 1000;
const SORT_KEYS: Record<string, (s: Server) => string> = {
  created_at: (s) => s.metadata.creationTimestamp ?? '',
  display_name: (s) => s.spec.name,
  uuid: (s) => s.metadata.name,
  vm_state: (s) => s.status?.vmState ?? '',
  task_state: (s) => s.status?.taskState ?? '',
  host: (s) => s.status?.host ?? '',
};

type Query = Record<string, unknown>;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;


function ipOf(s: Server): string[] {
  return Object.values(s.status?.addresses ?? {}).flatMap((a) => a.map((x) => x.addr));
}

function filters(q: Query, auth: AuthContext): ((s: Server) => boolean)[] {
  const out: ((s: Server) => boolean)[] = [];
  const name = lastQueryValue(q.name);
  if (name) out.push(((m) => (s: Server) => m(s.spec.name))(patternMatcher(name)));
  const status = lastQueryValue(q.status)?.toUpperCase();
  if (status) out.push((s) => (s.status?.status ?? 'BUILD') === status);
  const image = lastQueryValue(q.image);
  if (image) out.push((s) => s.spec.imageRef === refId(image));
  const flavor = lastQueryValue(q.flavor);
  if (flavor) out.push((s) => s.spec.flavorRef === refId(flavor));
  const ip = lastQueryValue(q.ip);
  if (ip) out.push(((m) => (s: Server) => ipOf(s).some((a) => m(a)))(patternMatcher(ip)));
  const host = lastQueryValue(q.host);
  if (host && auth.isAdmin) out.push((s) => s.status?.host === host);
  const since = lastQueryValue(q['changes-since']);
  if (since) {
    // Nova takes ISO 8601 only; JavaScript's Date.parse would also take '2011/01/01'.
    const t = ISO_8601.test(since) ? Date.parse(since) : NaN;
    if (Number.isNaN(t)) throw badRequest(`Invalid filter field: changes-since: ${since} is not a valid timestamp.`);
    out.push((s) => Date.parse(updatedAt(s)) >= t);
  }
  return out;
}

/** all_tenants is honoured only for admins; project_id then narrows it (Nova's behaviour). */
export function listScope(q: Query, auth: AuthContext): { allProjects: boolean; projectId?: string } {
  const all = auth.isAdmin && (parseBoolQuery(lastQueryValue(q.all_tenants)) ?? q.all_tenants === '');
  const pid = lastQueryValue(q.project_id) ?? lastQueryValue(q.tenant_id);
  if (all) return { allProjects: !pid, projectId: pid };
  return { allProjects: false, projectId: auth.projectId };
}

export function selectServers(servers: Server[], q: Query, auth: AuthContext): Page<Server> {
  const preds = filters(q, auth);
  const keyName = lastQueryValue(q.sort_key) ?? 'created_at';
  const key = SORT_KEYS[keyName];
  if (!key) throw badRequest(`Invalid sort_key ${keyName}.`);
  const dirRaw = lastQueryValue(q.sort_dir) ?? 'desc';
  if (dirRaw !== 'asc' && dirRaw !== 'desc') throw badRequest(`Invalid sort_dir ${dirRaw}.`);
  const sorted = servers
    .filter((s) => preds.every((p) => p(s)))
    .sort((a, b) => compareBy(key, dirRaw)(a, b) || compareBy(SORT_KEYS.uuid, 'desc')(a, b));
  return paginate(sorted, (s) => s.metadata.name, { limit: lastQueryValue(q.limit), marker: lastQueryValue(q.marker) }, MAX_LIMIT);
}
