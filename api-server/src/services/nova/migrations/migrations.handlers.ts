// GET /os-migrations: the resizes as Nova's migration records, with Nova's 2.1 filters (exact
// matches; host is either end; hidden records do not exist here).
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import { lastQueryValue, parseBoolQuery } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import type { listMigrationsQuery, MigrationView } from './migrations.schema.js';
import { migrationView, resizesOf } from './migrations.view.js';

type Query = Static<typeof listMigrationsQuery>;

function matches(m: MigrationView, q: Query): boolean {
  const want = (key: keyof Query): string | undefined => lastQueryValue(q[key]);
  const host = want('host');
  return (!host || m.source_compute === host || m.dest_compute === host)
    && [['instance_uuid', m.instance_uuid], ['source_compute', m.source_compute], ['status', m.status]].every(([k, v]) => !want(k as keyof Query) || want(k as keyof Query) === v)
    && (!want('migration_type') || want('migration_type') === 'resize')
    && parseBoolQuery(q.hidden) !== true;
}

export function listMigrationsHandler(stores: Stores): (ctx: RouteContext<undefined, Query>) => Promise<RouteResult> {
  return async (ctx) => ({ body: { migrations: resizesOf(stores).map((r) => migrationView(r, ctx.microversion)).filter((m) => matches(m, ctx.query)) } });
}
