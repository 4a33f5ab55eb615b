// What Keystone's handlers share: the app's dependencies, the token provider, and the catalog
// entries of the services this deployment serves.
import type { AuthContext } from '../../common/route.js';
import type { AppDeps } from '../../deps.js';
import type { TokenProvider } from '../../auth/token-provider.js';
import { tokenCatalog, type CatalogEntry, type CatalogService } from './catalog.js';
import { loadCatalog } from './catalog-registry/catalog-state.js';

export interface KeystoneDeps {
  app: AppDeps;
  tokens: TokenProvider;
  catalog: readonly CatalogEntry[];
}

/** The catalog a token shows (project, domain or system scope); undefined for unscoped tokens, which have none. */
export async function catalogFor(k: KeystoneDeps, auth: AuthContext, baseUrl: string): Promise<CatalogService[] | undefined> {
  if (!auth.projectId && !auth.domainId && !auth.system) return undefined;
  return tokenCatalog(await loadCatalog(k, baseUrl), { projectId: auth.projectId, userId: auth.userId });
}
