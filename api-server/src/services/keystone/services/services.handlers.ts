// /v3/services: the deployment's own services and those added, the same ids, types and names
// tokens carry. Added services are written to the catalog registry; the own ones cannot change.
import { notFound } from '../../../common/errors.js';
import { allServices, fixedEntry, isFixedEntry, type CatalogState } from '../catalog.js';
import { newCatalogId, type ServiceRecord } from '../catalog-registry/catalog-registry.js';
import { catalogOf, changeCatalog } from '../catalog-registry/catalog-state.js';
import { collectionLinks } from '../collection.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { toServiceRecord, updatedServiceRecord } from './services.mapper.js';
import { serviceFilter } from './services.query.js';
import type { CreateServiceRequest, ListServicesQuery, UpdateServiceRequest } from './services.schema.js';
import { serviceListView, serviceView } from './services.view.js';

export function findService(state: CatalogState, id: string): ServiceRecord {
  const found = allServices(state).find((s) => s.id === id);
  if (!found) throw notFound(`Could not find service: ${id}.`);
  return found;
}

/** An added service, for a write: one of the deployment's own is a 403, an unknown one a 404. */
function addedService(state: CatalogState, id: string, action: string): ServiceRecord {
  const found = findService(state, id);
  if (isFixedEntry(state, 'service', id)) throw fixedEntry(action, 'service', id);
  return found;
}

export function listServicesHandler(k: KeystoneDeps): Handler<undefined, ListServicesQuery> {
  return async (ctx) => ({ body: serviceListView(ctx.baseUrl, collectionLinks(ctx), allServices(await catalogOf(k, ctx)).filter(serviceFilter(ctx.query))) });
}

export function showServiceHandler(k: KeystoneDeps): Handler {
  return async (ctx) => ({ body: { service: serviceView(ctx.baseUrl, findService(await catalogOf(k, ctx), ctx.params.serviceId)) } });
}

export function createServiceHandler(k: KeystoneDeps): Handler<{ service: CreateServiceRequest }> {
  return async (ctx) => {
    const made = toServiceRecord(newCatalogId(), ctx.body.service);
    await changeCatalog(k, ctx, (state) => { state.added.services.push(made); });
    return { status: 201, body: { service: serviceView(ctx.baseUrl, made) } };
  };
}

export function updateServiceHandler(k: KeystoneDeps): Handler<{ service: UpdateServiceRequest }> {
  return async (ctx) => {
    let updated: ServiceRecord | undefined;
    await changeCatalog(k, ctx, (state) => {
      updated = updatedServiceRecord(addedService(state, ctx.params.serviceId, 'update'), ctx.body.service);
      state.added.services = state.added.services.map((s) => (s.id === updated!.id ? updated! : s));
    });
    return { body: { service: serviceView(ctx.baseUrl, updated!) } };
  };
}

/** Keystone deletes a service's endpoints with it. */
export function deleteServiceHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    await changeCatalog(k, ctx, (state) => {
      const gone = addedService(state, ctx.params.serviceId, 'delete');
      state.added.services = state.added.services.filter((s) => s.id !== gone.id);
      state.added.endpoints = state.added.endpoints.filter((e) => e.serviceId !== gone.id);
    });
    return { status: 204 };
  };
}
