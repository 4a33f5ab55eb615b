// GET /v3/domains and /v3/domains/:domainId. Only the default domain exists; every user and
// project lives in it, so Keystone's "your own domain" rule lets every caller read it.
import { notFound } from '../../common/errors.js';
import { syncHandler, type Handler } from './handler.js';
import { collection, queryFlag, queryValue } from './collection.js';
import { DEFAULT_DOMAIN_ID, DEFAULT_DOMAIN_NAME, showDomain } from './domains.view.js';

export function listDomainsHandler(): Handler {
  return syncHandler((ctx) => {
    const name = queryValue(ctx.query, 'name');
    const enabled = queryFlag(ctx.query, 'enabled');
    const shown = (name === undefined || name === DEFAULT_DOMAIN_NAME) && enabled !== false;
    return { body: collection(ctx, 'domains', shown ? [showDomain(ctx.baseUrl)] : []) };
  });
}

export function showDomainHandler(): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.domainId;
    // By id only: a client holding the name gets 404 and retries with ?name=, as with Keystone.
    if (id !== DEFAULT_DOMAIN_ID) throw notFound(`Could not find domain: ${id}.`);
    return { body: { domain: showDomain(ctx.baseUrl) } };
  });
}
