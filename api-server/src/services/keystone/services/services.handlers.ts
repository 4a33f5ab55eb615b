// GET /v3/services[/{id}]: the catalog's services, the same ids, types and names tokens carry.
import { notFound } from '../../../common/errors.js';
import type { RouteContext } from '../../../common/route.js';
import { catalogRows, type CatalogRow } from '../catalog.js';
import { collectionLinks } from '../collection.js';
import { syncHandler, type Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { serviceFilter } from './services.query.js';
import type { ListServicesQuery } from './services.schema.js';
import { serviceListView, serviceView } from './services.view.js';

/** The catalog's rows at the URL tokens show (the configured public URL, else the request's). */
export function catalogRowsFor<B, Q>(k: KeystoneDeps, ctx: RouteContext<B, Q>): CatalogRow[] {
  return catalogRows(k.app.config.publicUrl || ctx.baseUrl, k.app.config.region, k.catalog);
}

export function listServicesHandler(k: KeystoneDeps): Handler<undefined, ListServicesQuery> {
  return syncHandler((ctx) => ({ body: serviceListView(ctx.baseUrl, collectionLinks(ctx), catalogRowsFor(k, ctx).filter(serviceFilter(ctx.query))) }));
}

export function showServiceHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const row = catalogRowsFor(k, ctx).find((r) => r.service.id === ctx.params.serviceId);
    if (!row) throw notFound(`Could not find service: ${ctx.params.serviceId}.`);
    return { body: { service: serviceView(ctx.baseUrl, row) } };
  });
}
