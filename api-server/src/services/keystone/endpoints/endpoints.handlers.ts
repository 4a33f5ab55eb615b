// /v3/endpoints: the deployment's own endpoints and those added, the same ids, URLs, interfaces and
// regions tokens carry (a per-project URL as Keystone's template, with $(project_id)s).
import { allEndpoints, fixedEntry, isFixedEntry } from '../catalog.js';
import { newCatalogId, type EndpointRecord } from '../catalog-registry/catalog-registry.js';
import { catalogOf, changeCatalog } from '../catalog-registry/catalog-state.js';
import { collectionLinks } from '../collection.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { toEndpointRecord, updatedEndpointRecord } from './endpoints.mapper.js';
import { endpointFilter } from './endpoints.query.js';
import { checkEndpointReferences, findEndpoint } from './endpoints.rules.js';
import type { CreateEndpointRequest, ListEndpointsQuery, UpdateEndpointRequest } from './endpoints.schema.js';
import { endpointListView, endpointView } from './endpoints.view.js';

export function listEndpointsHandler(k: KeystoneDeps): Handler<undefined, ListEndpointsQuery> {
  return async (ctx) => ({ body: endpointListView(ctx.baseUrl, collectionLinks(ctx), allEndpoints(await catalogOf(k, ctx)).filter(endpointFilter(ctx.query))) });
}

export function showEndpointHandler(k: KeystoneDeps): Handler {
  return async (ctx) => ({ body: { endpoint: endpointView(ctx.baseUrl, findEndpoint(await catalogOf(k, ctx), ctx.params.endpointId)) } });
}

export function createEndpointHandler(k: KeystoneDeps): Handler<{ endpoint: CreateEndpointRequest }> {
  return async (ctx) => {
    const made = toEndpointRecord(newCatalogId(), ctx.body.endpoint);
    await changeCatalog(k, ctx, (state) => {
      checkEndpointReferences(state, made, ctx.body.endpoint);
      state.added.endpoints.push(made);
    });
    return { status: 201, body: { endpoint: endpointView(ctx.baseUrl, made) } };
  };
}

export function updateEndpointHandler(k: KeystoneDeps): Handler<{ endpoint: UpdateEndpointRequest }> {
  return async (ctx) => {
    const { endpointId } = ctx.params;
    let updated: EndpointRecord | undefined;
    await changeCatalog(k, ctx, (state) => {
      const current = findEndpoint(state, endpointId);
      if (isFixedEntry(state, 'endpoint', endpointId)) throw fixedEntry('update', 'endpoint', endpointId);
      updated = updatedEndpointRecord(current, ctx.body.endpoint);
      checkEndpointReferences(state, updated, ctx.body.endpoint);
      state.added.endpoints = state.added.endpoints.map((e) => (e.id === endpointId ? updated! : e));
    });
    return { body: { endpoint: endpointView(ctx.baseUrl, updated!) } };
  };
}

export function deleteEndpointHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const { endpointId } = ctx.params;
    await changeCatalog(k, ctx, (state) => {
      findEndpoint(state, endpointId);
      if (isFixedEntry(state, 'endpoint', endpointId)) throw fixedEntry('delete', 'endpoint', endpointId);
      state.added.endpoints = state.added.endpoints.filter((e) => e.id !== endpointId);
    });
    return { status: 204 };
  };
}
