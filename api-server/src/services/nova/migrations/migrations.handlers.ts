// GET /os-migrations: the resizes as Nova's migration records, newest first, with Nova's filters
// (exact matches; host is either end; hidden records do not exist here), and from 2.59 paging by
// uuid, changes-since (2.66: changes-before) on updated_at, and no unknown query keys.
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import { lastQueryValue, nextQuery, parseBoolQuery, parseLimit } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { nextPageLinks } from '../links.js';
import { at } from '../microversion.js';
import type { listMigrationsQuery, MigrationView } from './migrations.schema.js';
import { migrationTypeOf, migrationView, resizesOf } from './migrations.view.js';

type Query = Static<typeof listMigrationsQuery>;
type Context = RouteContext<undefined, Query>;

const FILTERS_21 = ['hidden', 'host', 'instance_uuid', 'source_compute', 'status', 'migration_type'];
/** Nova's CONF.api.max_limit. */
const MAX_PAGE = 1000;

function matches(m: MigrationView, q: Query): boolean {
  const want = (key: keyof Query): string | undefined => lastQueryValue(q[key]);
  const host = want('host');
  return (!host || m.source_compute === host || m.dest_compute === host)
    && [['instance_uuid', m.instance_uuid], ['source_compute', m.source_compute], ['status', m.status]].every(([k, v]) => !want(k as keyof Query) || want(k as keyof Query) === v)
    && parseBoolQuery(q.hidden) !== true;
}

/** A timestamp filter's instant, or Nova's 400 for one that is not a date-time. */
function instant(raw: unknown, key: string): number | undefined {
  const v = lastQueryValue(raw);
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw badRequest(`Invalid input for query parameters ${key}. Value: ${v}. '${v}' is not a 'date-time'`);
  return t;
}

/** 2.59's window on updated_at (created_at while never updated); before it the keys are ignored. */
function inWindow(ctx: Context): (m: MigrationView) => boolean {
  if (!at(ctx.microversion, 'MIGRATION_PAGING')) return () => true;
  const keys = [...FILTERS_21, 'limit', 'marker', 'changes-since', ...(at(ctx.microversion, 'CHANGES_BEFORE') ? ['changes-before'] : [])];
  const extra = Object.keys(ctx.query).find((k) => !keys.includes(k));
  if (extra) throw badRequest(`Invalid input for query parameters ${extra}. Value: ${JSON.stringify(ctx.query)}. Additional properties are not allowed ('${extra}' was unexpected)`);
  const [since, before] = [instant(ctx.query['changes-since'], 'changes-since'), instant(ctx.query['changes-before'], 'changes-before')];
  if (since !== undefined && before !== undefined && before < since) throw badRequest('The value of changes-since must be less than or equal to changes-before.');
  const when = (m: MigrationView): number => Date.parse(`${m.updated_at ?? m.created_at}Z`);
  return (m) => (since === undefined || when(m) >= since) && (before === undefined || when(m) <= before);
}

function page(ctx: Context, all: MigrationView[]): { items: MigrationView[]; links?: { rel: string; href: string }[] } {
  if (!at(ctx.microversion, 'MIGRATION_PAGING')) return { items: all };
  const marker = lastQueryValue(ctx.query.marker);
  const start = marker === undefined ? 0 : all.findIndex((m) => m.uuid === marker) + 1;
  if (marker !== undefined && start === 0) throw badRequest(`Marker ${marker} could not be found.`);
  const limit = parseLimit(ctx.query.limit, MAX_PAGE);
  const items = all.slice(start, start + limit);
  const last = items[items.length - 1];
  const links = items.length === limit && last?.uuid ? nextPageLinks(ctx.baseUrl, 'os-migrations', nextQuery(ctx.query, last.uuid)) : undefined;
  return { items, links };
}

export function listMigrationsHandler(stores: Stores): (ctx: Context) => Promise<RouteResult> {
  return async (ctx) => {
    const window = inWindow(ctx);
    const type = lastQueryValue(ctx.query.migration_type);
    const all = resizesOf(stores).filter((r) => !type || migrationTypeOf(r) === type).map((r) => migrationView(r, ctx.microversion)).filter((m) => matches(m, ctx.query) && window(m));
    const { items, links } = page(ctx, all);
    return { body: { migrations: items, ...(links ? { migrations_links: links } : {}) } };
  };
}
