// GET /v3/regions[/{id}]: the one region every catalog endpoint is in (the API server's --region),
// a top-level region (no parent).
import { notFound } from '../../../common/errors.js';
import { collectionLinks } from '../collection.js';
import { syncHandler, type Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import type { ListRegionsQuery } from './regions.schema.js';
import { regionListView, regionView } from './regions.view.js';

export function listRegionsHandler(k: KeystoneDeps): Handler<undefined, ListRegionsQuery> {
  return syncHandler((ctx) => {
    // Every region here is top level: a parent_region_id filter matches none.
    const regions = ctx.query.parent_region_id === undefined ? [k.app.config.region] : [];
    return { body: regionListView(ctx.baseUrl, collectionLinks(ctx), regions) };
  });
}

export function showRegionHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    if (ctx.params.regionId !== k.app.config.region) throw notFound(`Could not find region: ${ctx.params.regionId}.`);
    return { body: { region: regionView(ctx.baseUrl, k.app.config.region) } };
  });
}
