// GET /v3/endpoints[/{id}]: the catalog's endpoints, the same ids, URLs, interfaces and region
// tokens carry (a per-project URL as Keystone's template, with $(project_id)s).
import { notFound } from '../../../common/errors.js';
import { collectionLinks } from '../collection.js';
import { syncHandler, type Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { catalogRowsFor } from '../services/services.handlers.js';
import { endpointFilter } from './endpoints.query.js';
import type { ListEndpointsQuery } from './endpoints.schema.js';
import { endpointListView, endpointRows, endpointView } from './endpoints.view.js';

export function listEndpointsHandler(k: KeystoneDeps): Handler<undefined, ListEndpointsQuery> {
  return syncHandler((ctx) => {
    const rows = endpointRows(catalogRowsFor(k, ctx)).filter(endpointFilter(ctx.query));
    return { body: endpointListView(ctx.baseUrl, collectionLinks(ctx), rows) };
  });
}

export function showEndpointHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const row = endpointRows(catalogRowsFor(k, ctx)).find((r) => r.endpoint.id === ctx.params.endpointId);
    if (!row) throw notFound(`Could not find endpoint: ${ctx.params.endpointId}.`);
    return { body: { endpoint: endpointView(ctx.baseUrl, row) } };
  });
}
