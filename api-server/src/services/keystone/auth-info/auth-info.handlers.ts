// GET /v3/auth/projects, /v3/auth/domains and /v3/auth/catalog: what the caller's token can be
// scoped to, and the catalog of its scope. Any valid token may ask about itself.
import { forbidden } from '../../../common/errors.js';
import { projectsOfUser } from '../../../auth/assignments.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks } from '../collection.js';
import { catalogFor, type KeystoneDeps } from '../keystone.deps.js';
import { projectListView } from '../projects/projects.view.js';
import { authDomainListView, catalogView } from './auth-info.view.js';

/** Only enabled projects can be scoped to, so only they are listed. */
export function listAuthProjectsHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const projects = projectsOfUser(k.app.stores, ctx.auth.userId).filter((p) => p.spec.enabled !== false);
    projects.sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    return { body: projectListView(ctx.baseUrl, collectionLinks(ctx), projects) };
  });
}

export function listAuthDomainsHandler(): Handler {
  return syncHandler((ctx) => ({ body: authDomainListView(collectionLinks(ctx)) }));
}

export function showAuthCatalogHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const catalog = catalogFor(k, ctx.auth, ctx.baseUrl);
    if (!catalog) throw forbidden('A project-scoped token is required to produce a service catalog.');
    return { body: catalogView(collectionLinks(ctx), catalog) };
  });
}
