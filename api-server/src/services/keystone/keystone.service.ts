// Keystone v3 as served under /identity: discovery, then three bundles (authentication, identity
// resources, assignments), each a list of its resources' route tables. The service's one entry point.
import type { ServiceDef } from '../../common/router.js';
import type { AppDeps } from '../../deps.js';
import type { TokenProvider } from '../../auth/token-provider.js';
import { CORE_CATALOG, type CatalogEntry } from './catalog.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { versionRoutes } from './versions/versions.routes.js';
import { authRoutes } from './keystone.auth.js';
import { identityRoutes } from './keystone.identity.js';
import { assignmentRoutes } from './keystone.assignment.js';

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
      ...authRoutes(k),
      ...identityRoutes(k),
      ...assignmentRoutes(k),
    ],
  };
}
