// GET /v3/auth/projects, /v3/auth/domains and /v3/auth/catalog: what the caller's token can be
// scoped to, and the catalog of its scope.
import { forbidden } from '../../common/errors.js';
import { syncHandler, type Handler } from './handler.js';
import { collection } from './collection.js';
import { catalogFor, type KeystoneDeps } from './keystone.deps.js';
import { projectsOfUser } from './projects.handlers.js';
import { showProject } from './projects.view.js';

export function authProjectsHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const projects = projectsOfUser(k.app.stores, ctx.auth.userId).filter((p) => p.spec.enabled !== false);
    projects.sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    return { body: collection(ctx, 'projects', projects.map((p) => showProject(ctx.baseUrl, p))) };
  });
}

/** Only domain-level role assignments make a domain appear here, and none exist. */
export function authDomainsHandler(): Handler {
  return syncHandler((ctx) => ({ body: collection(ctx, 'domains', []) }));
}

export function authCatalogHandler(k: KeystoneDeps): Handler {
  return syncHandler((ctx) => {
    const catalog = catalogFor(k, ctx.auth, ctx.baseUrl);
    if (!catalog) throw forbidden('A project-scoped token is required to produce a service catalog.');
    return { body: collection(ctx, 'catalog', catalog) };
  });
}
