// GET /v3/domains (admins only, as Keystone's identity:list_domains) and /v3/domains/:domainId
// (identity:get_domain: an admin, or a token scoped to a project of that domain; an unknown
// domain is 404 before the policy is checked, as in Keystone).
import { notFound } from '../../../common/errors.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks, policyDenied } from '../collection.js';
import type { ListDomainsQuery } from './domains.schema.js';
import { domainFilter } from './domains.query.js';
import { DEFAULT_DOMAIN, domainListView, domainView } from './domains.view.js';

export function listDomainsHandler(): Handler<undefined, ListDomainsQuery> {
  return syncHandler((ctx) => ({ body: domainListView(ctx.baseUrl, collectionLinks(ctx), [DEFAULT_DOMAIN].filter(domainFilter(ctx.query))) }));
}

export function showDomainHandler(): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.domainId;
    // By id only: a client holding the name gets 404 and retries with ?name=, as with Keystone.
    if (id !== DEFAULT_DOMAIN.id) throw notFound(`Could not find domain: ${id}.`);
    if (!ctx.auth.isAdmin && ctx.auth.projectDomainId !== id) throw policyDenied('get_domain');
    return { body: { domain: domainView(ctx.baseUrl, DEFAULT_DOMAIN) } };
  });
}
