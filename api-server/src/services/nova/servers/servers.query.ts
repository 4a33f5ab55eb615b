// Filtering, sorting and paging of server lists (GET /servers and /servers/detail), as Nova's
// _get_servers: which projects are listed, which filters a non-admin may use, which sort keys.
import type { Server } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { patternFilter, type FilterMatcher, type ListSpec, type Query, type SortValue } from '../../../common/list-query.js';
import { lastQueryValue, parseBoolQuery, queryValues } from '../../../common/pagination.js';
import type { AuthContext } from '../../../common/route.js';
import { at, unexpectedKeys } from '../microversion.js';
import { refId } from './servers.mapper.js';
import { displayStatus, effectiveVmState, updatedAt } from './servers.view.js';

const created = (s: Server): string => s.metadata.creationTimestamp ?? '';
const none = (): SortValue => null;

/**
 * Nova's VALID_SORT_KEYS at 2.1. Keys for attributes this cloud does not keep (kernels, ramdisks,
 * launch indexes...) are valid and sort nothing, as a column of NULLs would.
 */
const SORT_KEYS: Record<string, (s: Server) => SortValue> = {
  access_ip_v4: (s) => s.spec.accessIPv4 ?? null,
  access_ip_v6: (s) => s.spec.accessIPv6 ?? null,
  auto_disk_config: none,
  availability_zone: (s) => s.status?.availabilityZone ?? s.spec.availabilityZone ?? null,
  config_drive: (s) => s.spec.configDrive ?? false,
  created_at: created,
  display_description: (s) => s.spec.description ?? null,
  display_name: (s) => s.spec.name,
  host: (s) => s.status?.host ?? null,
  hostname: (s) => s.spec.name,
  image_ref: (s) => s.spec.imageRef ?? '',
  instance_type_id: (s) => s.spec.flavorRef,
  kernel_id: none,
  key_name: (s) => s.spec.keyName ?? null,
  launch_index: none,
  launched_at: (s) => s.status?.launchedAt ?? null,
  locked_by: none,
  node: (s) => s.status?.hypervisorHostname ?? null,
  power_state: (s) => s.status?.powerState ?? null,
  progress: none,
  project_id: (s) => s.spec.projectId,
  ramdisk_id: none,
  root_device_name: none,
  task_state: (s) => s.status?.taskState ?? null,
  terminated_at: none,
  updated_at: (s) => updatedAt(s),
  user_id: (s) => s.spec.userId,
  uuid: (s) => s.metadata.name,
  vm_state: (s) => effectiveVmState(s),
};

/** Valid in Nova's schema but dropped before sorting (SERVER_LIST_IGNORE_SORT_KEY, before 2.73). */
const IGNORED_SORT_KEYS = [
  'architecture', 'cell_name', 'cleaned', 'default_ephemeral_device', 'default_swap_device', 'deleted', 'deleted_at',
  'disable_terminate', 'ephemeral_gb', 'ephemeral_key_uuid', 'id', 'key_data', 'launched_on', 'locked', 'memory_mb',
  'os_type', 'reservation_id', 'root_gb', 'shutdown_terminate', 'user_data', 'vcpus', 'vm_mode',
];

export const SERVER_SORT_KEYS = [...Object.keys(SORT_KEYS), ...IGNORED_SORT_KEYS];

const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isoTime(key: string, value: string): number {
  // Nova takes ISO 8601 only; JavaScript's Date.parse would also take '2011/01/01'.
  const t = ISO_8601.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(t)) throw badRequest(`Invalid filter field: ${key}: ${value} is not a valid timestamp.`);
  return t;
}

const changesSince: FilterMatcher<Server> = (values) => {
  const t = isoTime('changes-since', values[values.length - 1]);
  return (s) => Date.parse(updatedAt(s)) >= t;
};

const lastEquals = (valueOf: (s: Server) => string | undefined, normalize = (v: string): string => v): FilterMatcher<Server> => (values) => {
  const want = normalize(values[values.length - 1]);
  return (s) => valueOf(s) === want;
};

function addressesOf(s: Server): string[] {
  return Object.values(s.status?.addresses ?? {}).flatMap((a) => a.map((x) => x.addr));
}

/** Admins filter by these at any version; a non-admin's are dropped, as Nova's remove_invalid_options drops them. */
const adminOnly = (filter: FilterMatcher<Server>): FilterMatcher<Server> => (values, auth) => (auth.isAdmin ? filter(values, auth) : undefined);

/** The filters later versions add, or open to non-admins. */
function versionedFilters(mv: string | undefined): Record<string, FilterMatcher<Server>> {
  const ip6 = patternFilter((s: Server) => addressesOf(s).filter((a) => a.includes(':')));
  return {
    ip6: at(mv, 'IP6_FILTER') ? ip6 : adminOnly(ip6),
    ...(at(mv, 'SERVER_TAGS') ? TAG_FILTERS : {}),
    ...(at(mv, 'STATUS_FILTER_CHECKED') ? { status: checkedStatus } : {}),
    ...(at(mv, 'CHANGES_BEFORE') ? { 'changes-before': changesBefore } : {}),
    ...(at(mv, 'LOCKED_REASON') ? { locked: lockedFilter } : {}),
  };
}

/** Nova's index_query keys (2.75 refuses any other), and the paging ones. */
const KNOWN_QUERY_KEYS = new Set([
  'user_id', 'project_id', 'tenant_id', 'launch_index', 'image_ref', 'image', 'kernel_id', 'ramdisk_id', 'hostname', 'key_name', 'power_state',
  'vm_state', 'task_state', 'host', 'node', 'flavor', 'reservation_id', 'launched_at', 'terminated_at', 'availability_zone', 'name',
  'display_name', 'description', 'display_description', 'locked_by', 'uuid', 'root_device_name', 'config_drive', 'access_ip_v4',
  'access_ip_v6', 'auto_disk_config', 'progress', 'sort_key', 'sort_dir', 'all_tenants', 'soft_deleted', 'deleted', 'status', 'changes-since',
  'ip', 'ip6', 'created_at', 'block_device_mapping', 'services', 'metadata', 'system_metadata', 'info_cache', 'security_groups', 'pci_devices',
  'tags', 'tags-any', 'not-tags', 'not-tags-any', 'changes-before', 'locked', 'limit', 'marker',
]);

/** 2.75: an unknown key, or a sort key Nova used to ignore, is a 400. */
function checkStrictQuery(query: Query): void {
  const unknown = Object.keys(query).filter((k) => !KNOWN_QUERY_KEYS.has(k) && !k.startsWith('_'));
  if (unknown.length) throw unexpectedKeys('query parameters', query, unknown);
  const ignored = queryValues(query.sort_key).find((k) => IGNORED_SORT_KEYS.includes(k));
  if (ignored) throw badRequest(`Invalid input for query parameters sort_key. Value: ${ignored}. '${ignored}' is not one of the valid sort keys`);
}

/** What a version checks of a list's query before filtering: 2.66's window, 2.75's strictness. */
export function checkListQuery(query: Query, mv: string | undefined): void {
  if (at(mv, 'CONSISTENT_VIEWS')) checkStrictQuery(query);
  const [since, before] = [lastQueryValue(query['changes-since']), lastQueryValue(query['changes-before'])];
  if (!at(mv, 'CHANGES_BEFORE') || since === undefined || before === undefined) return;
  if (isoTime('changes-before', before) < isoTime('changes-since', since)) throw badRequest('The value of changes-since must be less than or equal to changes-before.');
}

/** 2.73: locked=true|false (Nova's strict boolean; anything else a 400). */
const lockedFilter: FilterMatcher<Server> = (values) => {
  const want = parseBoolQuery(values[values.length - 1]);
  if (want === undefined) throw badRequest(`Unrecognized value '${values[values.length - 1]}', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'`);
  return (s) => (s.spec.lock !== undefined) === want;
};

/** 2.66: servers updated at or before the time. */
const changesBefore: FilterMatcher<Server> = (values) => {
  const t = isoTime('changes-before', values[values.length - 1]);
  return (s) => Date.parse(updatedAt(s)) <= t;
};

/** The statuses Nova's _STATE_MAP knows; from 2.38 a status filter naming none of them is a 400. */
const KNOWN_STATUSES = new Set([
  'ACTIVE', 'BUILD', 'CONFIRMING_RESIZE', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'PASSWORD', 'PAUSED', 'REBOOT', 'REBUILD',
  'RESCUE', 'RESIZE', 'REVERT_RESIZE', 'SHELVED', 'SHELVED_OFFLOADED', 'SHUTOFF', 'SOFT_DELETED', 'SUSPENDED', 'VERIFY_RESIZE',
]);

/** A repeated status is an OR (Nova reads every value with getall). */
const statusFilter: FilterMatcher<Server> = (values) => ((wanted) => (s: Server) => wanted.has(displayStatus(s)))(new Set(values.map((v) => v.trim().toUpperCase())));

const checkedStatus: FilterMatcher<Server> = (values, auth) => {
  if (!values.some((v) => KNOWN_STATUSES.has(v.trim().toUpperCase()))) throw badRequest('Invalid status value');
  return statusFilter(values, auth);
};

/** Nova's tag filters: each value is a comma-separated list (the last one given counts). */
const tagFilter = (matches: (has: Set<string>, wanted: string[]) => boolean): FilterMatcher<Server> => (values) => {
  const wanted = values[values.length - 1].split(',');
  return (s) => matches(new Set(s.spec.tags ?? []), wanted);
};

const TAG_FILTERS: Record<string, FilterMatcher<Server>> = {
  tags: tagFilter((has, wanted) => wanted.every((t) => has.has(t))),
  'tags-any': tagFilter((has, wanted) => wanted.some((t) => has.has(t))),
  'not-tags': tagFilter((has, wanted) => !wanted.every((t) => has.has(t))),
  'not-tags-any': tagFilter((has, wanted) => !wanted.some((t) => has.has(t))),
};

/** The list spec at the request's microversion. */
export function serverListSpec(mv: string | undefined): ListSpec<Server> {
  const filters = { ...SERVER_LIST_SPEC.filters, ...versionedFilters(mv) };
  if (!at(mv, 'LOCKED_REASON')) return { ...SERVER_LIST_SPEC, filters };
  // 2.73 sorts by locked, which it no longer ignores.
  const sortKeys = { ...SORT_KEYS, locked: (s: Server): SortValue => s.spec.lock !== undefined };
  return { ...SERVER_LIST_SPEC, filters, sortKeys, ignoredSortKeys: IGNORED_SORT_KEYS.filter((k) => k !== 'locked') };
}

const SERVER_LIST_SPEC: ListSpec<Server> = {
  collection: 'servers',
  filters: {
    name: patternFilter((s) => s.spec.name),
    status: statusFilter,
    image: lastEquals((s) => s.spec.imageRef, refId),
    flavor: lastEquals((s) => s.spec.flavorRef, refId),
    ip: patternFilter(addressesOf),
    // host is not among the filters Nova lets a non-admin use: it is dropped, not refused.
    host: adminOnly(lastEquals((s) => s.status?.host)),
    'changes-since': changesSince,
  },
  sortKeys: SORT_KEYS,
  ignoredSortKeys: IGNORED_SORT_KEYS,
  // Nova's remove_invalid_sort_keys refuses these to non-admins with 403.
  adminOnlySortKeys: ['host', 'node'],
  defaultSort: { key: 'created_at', dir: 'desc' },
  idOf: (s) => s.metadata.name,
  maxLimit: 1000,
};

/** all_tenants is honoured only for admins; project_id then narrows it (Nova's behaviour). */
export function listScope(q: Query, auth: AuthContext): { allProjects: boolean; projectId?: string } {
  const all = auth.isAdmin && (parseBoolQuery(q.all_tenants) ?? q.all_tenants === '');
  const pid = lastQueryValue(q.project_id) ?? lastQueryValue(q.tenant_id);
  if (all) return { allProjects: !pid, projectId: pid };
  return { allProjects: false, projectId: auth.projectId };
}
