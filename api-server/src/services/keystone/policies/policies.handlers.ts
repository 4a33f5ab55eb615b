// /v3/policies: Keystone's policy records ({blob, type}), kept in the catalog registry ConfigMap.
// As in Keystone, they are stored and returned, never enforced: this API server's rules are its
// own (common/policy.ts), whatever a blob says.
import { notFound } from '../../../common/errors.js';
import type { CatalogState } from '../catalog.js';
import { newCatalogId, type PolicyRecord } from '../catalog-registry/catalog-registry.js';
import { catalogOf, changeCatalog } from '../catalog-registry/catalog-state.js';
import { collectionLinks, matchesQuery } from '../collection.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import type { CreatePolicyRequest, ListPoliciesQuery, UpdatePolicyRequest } from './policies.schema.js';
import { policyListView, policyView } from './policies.view.js';

function findPolicy(state: CatalogState, id: string): PolicyRecord {
  const found = state.added.policies.find((p) => p.id === id);
  if (!found) throw notFound(`Could not find policy: ${id}.`);
  return found;
}

export function listPoliciesHandler(k: KeystoneDeps): Handler<undefined, ListPoliciesQuery> {
  return async (ctx) => {
    const policies = (await catalogOf(k, ctx)).added.policies.filter((p) => matchesQuery(ctx.query.type, p.type));
    return { body: policyListView(ctx.baseUrl, collectionLinks(ctx), policies) };
  };
}

export function showPolicyHandler(k: KeystoneDeps): Handler {
  return async (ctx) => ({ body: { policy: policyView(ctx.baseUrl, findPolicy(await catalogOf(k, ctx), ctx.params.policyId)) } });
}

export function createPolicyHandler(k: KeystoneDeps): Handler<{ policy: CreatePolicyRequest }> {
  return async (ctx) => {
    const made: PolicyRecord = { id: newCatalogId(), blob: ctx.body.policy.blob, type: ctx.body.policy.type };
    await changeCatalog(k, ctx, (state) => { state.added.policies.push(made); });
    return { status: 201, body: { policy: policyView(ctx.baseUrl, made) } };
  };
}

export function updatePolicyHandler(k: KeystoneDeps): Handler<{ policy: UpdatePolicyRequest }> {
  return async (ctx) => {
    const id = ctx.params.policyId;
    const { blob, type } = ctx.body.policy;
    let updated: PolicyRecord | undefined;
    await changeCatalog(k, ctx, (state) => {
      const current = findPolicy(state, id);
      updated = { ...current, ...(blob !== undefined ? { blob } : {}), ...(type !== undefined ? { type } : {}) };
      state.added.policies = state.added.policies.map((p) => (p.id === id ? updated! : p));
    });
    return { body: { policy: policyView(ctx.baseUrl, updated!) } };
  };
}

export function deletePolicyHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const id = ctx.params.policyId;
    await changeCatalog(k, ctx, (state) => {
      findPolicy(state, id);
      state.added.policies = state.added.policies.filter((p) => p.id !== id);
    });
    return { status: 204 };
  };
}
