// /v3/OS-EP-FILTER/endpoint_groups: Keystone's endpoint groups as records in the catalog registry.
// Project associations are not implemented, so a group filters no token's catalog.
import { notFound } from '../../../common/errors.js';
import type { CatalogState } from '../catalog.js';
import { newCatalogId, type EndpointGroupRecord } from '../catalog-registry/catalog-registry.js';
import { catalogOf, changeCatalog } from '../catalog-registry/catalog-state.js';
import { collectionLinks } from '../collection.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { toEndpointGroupRecord, updatedEndpointGroupRecord } from './endpoint-groups.mapper.js';
import type { CreateEndpointGroupRequest, UpdateEndpointGroupRequest } from './endpoint-groups.schema.js';
import { endpointGroupListView, endpointGroupView } from './endpoint-groups.view.js';

function findEndpointGroup(state: CatalogState, id: string): EndpointGroupRecord {
  const found = state.added.endpointGroups.find((g) => g.id === id);
  if (!found) throw notFound(`Could not find endpoint group: ${id}.`);
  return found;
}

export function listEndpointGroupsHandler(k: KeystoneDeps): Handler {
  return async (ctx) => ({ body: endpointGroupListView(ctx.baseUrl, collectionLinks(ctx), (await catalogOf(k, ctx)).added.endpointGroups) });
}

export function showEndpointGroupHandler(k: KeystoneDeps): Handler {
  return async (ctx) => ({ body: { endpoint_group: endpointGroupView(ctx.baseUrl, findEndpointGroup(await catalogOf(k, ctx), ctx.params.endpointGroupId)) } });
}

/** HEAD: 200 when the group exists. */
export function checkEndpointGroupHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    findEndpointGroup(await catalogOf(k, ctx), ctx.params.endpointGroupId);
    return { status: 200 };
  };
}

export function createEndpointGroupHandler(k: KeystoneDeps): Handler<{ endpoint_group: CreateEndpointGroupRequest }> {
  return async (ctx) => {
    const made = toEndpointGroupRecord(newCatalogId(), ctx.body.endpoint_group);
    await changeCatalog(k, ctx, (state) => { state.added.endpointGroups.push(made); });
    return { status: 201, body: { endpoint_group: endpointGroupView(ctx.baseUrl, made) } };
  };
}

export function updateEndpointGroupHandler(k: KeystoneDeps): Handler<{ endpoint_group: UpdateEndpointGroupRequest }> {
  return async (ctx) => {
    const id = ctx.params.endpointGroupId;
    let updated: EndpointGroupRecord | undefined;
    await changeCatalog(k, ctx, (state) => {
      updated = updatedEndpointGroupRecord(findEndpointGroup(state, id), ctx.body.endpoint_group);
      state.added.endpointGroups = state.added.endpointGroups.map((g) => (g.id === id ? updated! : g));
    });
    return { body: { endpoint_group: endpointGroupView(ctx.baseUrl, updated!) } };
  };
}

export function deleteEndpointGroupHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const id = ctx.params.endpointGroupId;
    await changeCatalog(k, ctx, (state) => {
      findEndpointGroup(state, id);
      state.added.endpointGroups = state.added.endpointGroups.filter((g) => g.id !== id);
    });
    return { status: 204 };
  };
}
