// GET /v3/auth/projects, /v3/auth/domains, /v3/auth/system and /v3/auth/catalog: what the caller's
// token can be scoped to, and the catalog of its scope. Any valid token may ask about itself.
import { forbidden } from '../../../common/errors.js';
import { projectsOfUser } from '../../../auth/assignments.js';
import { DEFAULT_DOMAIN_ID, findDomain } from '../../../auth/default-domain.js';
import { effectiveRoles } from '../../../auth/effective-roles.js';
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks } from '../collection.js';
import { catalogFor, type KeystoneDeps } from '../keystone.deps.js';
import { projectListView } from '../projects/projects.view.js';
import { domainListView, type DomainLike } from '../domains/domains.view.js';
import { authSystemView, catalogView } from './auth-info.view.js';

/** Only enabled projects can be scoped to, so only they are listed. */
export function listAuthProjectsHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const projects = projectsOfUser(k.app.stores, ctx.auth.userId).filter((p) => p.spec.enabled !== false);
    projects.sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    return { body: projectListView(ctx.baseUrl, collectionLinks(ctx), projects) };
  });
}

/** Enabled domains the user holds a role on (directly or through a group): those a domain-scoped token may name. */
function scopableDomains(stores: Stores, userId: string): DomainLike[] {
  const ids = new Set([DEFAULT_DOMAIN_ID, ...stores.domains.list().map((d) => d.metadata.name)]);
  return [...ids]
    .map((id) => findDomain(stores, id))
    .filter((d): d is DomainLike => d !== undefined && d.spec.enabled !== false)
    .filter((d) => effectiveRoles(stores, userId, { domainId: d.metadata.name }).length > 0)
    .sort((a, b) => a.spec.name.localeCompare(b.spec.name));
}

export function listAuthDomainsHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => ({ body: domainListView(ctx.baseUrl, collectionLinks(ctx), scopableDomains(k.app.stores, ctx.auth.userId)) }));
}

/** Keystone lists [{all: true}] when the user holds a system role, else nothing. */
export function listAuthSystemHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const scopable = effectiveRoles(k.app.stores, ctx.auth.userId, { system: 'all' }).length > 0;
    return { body: authSystemView(collectionLinks(ctx), scopable) };
  });
}

/** Keystone's identity:get_auth_catalog wants a project-scoped token, even though domain and system tokens carry a catalog. */
export function showAuthCatalogHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const catalog = ctx.auth.projectId ? await catalogFor(k, ctx.auth, ctx.baseUrl) : undefined;
    if (!catalog) throw forbidden('A project-scoped token is required to produce a service catalog.');
    return { body: catalogView(collectionLinks(ctx), catalog) };
  };
}
