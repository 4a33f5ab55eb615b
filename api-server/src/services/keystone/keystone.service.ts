// Keystone v3 as served under /identity: discovery, tokens, and the read-only identity
// resources clients look names up in. The service's one entry point.
import type { ServiceDef } from '../../common/router.js';
import type { AppDeps } from '../../deps.js';
import type { TokenProvider } from '../../auth/token-provider.js';
import { CORE_CATALOG, type CatalogEntry } from './catalog.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { versionRoutes } from './versions/versions.routes.js';
import { tokenRoutes } from './tokens/tokens.routes.js';
import { authInfoRoutes } from './auth-info/auth-info.routes.js';
import { projectRoutes } from './projects/projects.routes.js';
import { userRoutes } from './users/users.routes.js';
import { roleRoutes } from './roles/roles.routes.js';
import { domainRoutes } from './domains/domains.routes.js';
import { roleAssignmentRoutes } from './role-assignments/role-assignments.routes.js';

export interface KeystoneOptions {
  /** The services tokens list; defaults to identity, compute and image. */
  catalog?: readonly CatalogEntry[];
}

export function keystoneService(deps: AppDeps, tokens: TokenProvider, options: KeystoneOptions = {}): ServiceDef {
  const k: KeystoneDeps = { app: deps, tokens, catalog: options.catalog ?? CORE_CATALOG };
  return {
    name: 'identity',
    faultStyle: 'keystone',
    routes: [
      ...versionRoutes,
      ...tokenRoutes(k),
      ...authInfoRoutes(k),
      ...projectRoutes(deps.stores),
      ...userRoutes(deps.stores),
      ...roleRoutes(deps.stores),
      ...domainRoutes(),
      ...roleAssignmentRoutes(deps.stores),
    ],
  };
}
