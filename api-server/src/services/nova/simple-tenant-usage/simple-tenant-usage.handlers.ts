// /os-simple-tenant-usage handlers: the period from the query as Nova parses it, then the usage of
// the servers launched before its end.
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import { badRequest, forbidden, notFound } from '../../../common/errors.js';
import { lastQueryValue } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import type { ServerUsage, tenantUsageQuery } from './simple-tenant-usage.schema.js';
import { serverUsageView, tenantUsagesView, type Period } from './simple-tenant-usage.view.js';

type Handler = (ctx: RouteContext<undefined, Static<typeof tenantUsageQuery>>) => Promise<RouteResult>;

/** Nova's accepted formats: %Y-%m-%dT%H:%M:%S, with .%f, or '%Y-%m-%d %H:%M:%S.%f'; naive means UTC. */
const FORMATS = [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}$/, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,6}$/];

export function parseNovaTime(raw: string | undefined, now: Date): Date {
  if (!raw) return now;
  const parsed = FORMATS.some((f) => f.test(raw)) ? new Date(`${raw.replace(' ', 'T').replace(/(\.\d{3})\d*$/, '$1')}Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) throw badRequest('Invalid datetime string: Datetime is in invalid format');
  return parsed;
}

/** The period asked, its end capped at now (Nova counts no future hours). */
export function periodOf(query: Static<typeof tenantUsageQuery>, now: Date): Period {
  const start = parseNovaTime(lastQueryValue(query.start), now);
  const stop = parseNovaTime(lastQueryValue(query.end), now);
  if (!(start < stop)) throw badRequest('Invalid start time. The start time cannot occur after the end time.');
  return { start, stop: stop > now ? now : stop };
}

function usagesIn(stores: Stores, period: Period, now: Date, projectId?: string): ServerUsage[] {
  return stores.servers.list()
    .filter((s) => s.status?.launchedAt && Date.parse(s.status.launchedAt) <= period.stop.getTime() && (projectId === undefined || s.spec.projectId === projectId))
    .sort((a, b) => (a.status!.launchedAt! < b.status!.launchedAt! ? -1 : 1))
    .map((s) => serverUsageView(s, stores.flavors.get(s.spec.flavorRef), period, now));
}

export function listTenantUsagesHandler(stores: Stores): Handler {
  return async (ctx) => {
    // /os-simple-tenant-usage/ names a project with an empty id: Nova routes nothing there.
    if (ctx.req.path.endsWith('/')) throw notFound('The resource could not be found.');
    const now = new Date();
    const period = periodOf(ctx.query, now);
    return { body: { tenant_usages: tenantUsagesView(usagesIn(stores, period, now), period, lastQueryValue(ctx.query.detailed) === '1') } };
  };
}

/** Nova's show policy: the project's own readers, or an admin. */
export function showTenantUsageHandler(stores: Stores): Handler {
  return async (ctx) => {
    const tenantId = ctx.params.tenantId;
    if (!ctx.auth.isAdmin && ctx.auth.projectId !== tenantId) throw forbidden('Policy doesn\'t allow os_compute_api:os-simple-tenant-usage:show to be performed.');
    const now = new Date();
    const period = periodOf(ctx.query, now);
    const [usage] = tenantUsagesView(usagesIn(stores, period, now, tenantId), period, true);
    return { body: { tenant_usage: usage ?? {} } };
  };
}
