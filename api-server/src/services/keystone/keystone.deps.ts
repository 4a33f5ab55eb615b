// What Keystone's handlers share: the app's dependencies, the token provider, and the catalog
// entries of the services this deployment serves.
import type { AuthContext } from '../../common/route.js';
import type { AppDeps } from '../../deps.js';
import type { TokenProvider } from '../../auth/token-provider.js';
import { buildCatalog, type CatalogEntry, type CatalogService } from './catalog.js';

export interface KeystoneDeps {
  app: AppDeps;
  tokens: TokenProvider;
  catalog: readonly CatalogEntry[];
}

/** The catalog a token shows (project, domain or system scope); undefined for unscoped tokens, which have none. */
export function catalogFor(k: KeystoneDeps, auth: AuthContext, baseUrl: string): CatalogService[] | undefined {
  if (!auth.projectId && !auth.domainId && !auth.system) return undefined;
  const { publicUrl, region } = k.app.config;
  return buildCatalog({ publicUrl: publicUrl || baseUrl, region, projectId: auth.projectId }, k.catalog);
}
