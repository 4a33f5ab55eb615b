// The whole catalog as Keystone's handlers see it: the deployment's own entries (catalog.ts, from
// the API server's configuration) and the added ones (the registry ConfigMap, read live so every
// replica answers from the same record). Reads and writes of services, endpoints, regions,
// endpoint groups and policies, and every token's catalog, go through here.
import type { RouteContext } from '../../../common/route.js';
import { fixedCatalog, type CatalogState } from '../catalog.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { changeCatalogRegistry, readCatalogRegistry, type CatalogRegistry, type RegistryHome } from './catalog-registry.js';

export function registryHome(k: KeystoneDeps): RegistryHome {
  return { kube: k.app.kube, namespace: k.app.config.systemNamespace };
}

/** The own entries at the URL tokens show (the configured public URL, else the request's). */
function fixedFor(k: KeystoneDeps, baseUrl: string): CatalogState['fixed'] {
  return fixedCatalog(k.app.config.publicUrl || baseUrl, k.app.config.region, k.catalog);
}

export async function loadCatalog(k: KeystoneDeps, baseUrl: string): Promise<CatalogState> {
  return { fixed: fixedFor(k, baseUrl), added: await readCatalogRegistry(registryHome(k)) };
}

/** The catalog state of a request. */
export function catalogOf<B, Q>(k: KeystoneDeps, ctx: RouteContext<B, Q>): Promise<CatalogState> {
  return loadCatalog(k, ctx.baseUrl);
}

/**
 * One transaction on the added entries: change sees the whole catalog (to check references to the
 * own entries too) and edits state.added, which is written under the registry's resourceVersion.
 */
export async function changeCatalog<B, Q>(k: KeystoneDeps, ctx: RouteContext<B, Q>, change: (state: CatalogState) => void): Promise<CatalogState> {
  const fixed = fixedFor(k, ctx.baseUrl);
  const added: CatalogRegistry = await changeCatalogRegistry(registryHome(k), (registry) => change({ fixed, added: registry }));
  return { fixed, added };
}
