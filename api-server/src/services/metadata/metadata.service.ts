// Nova's metadata API (the documents a guest reads about itself), mounted at /metadata: not in the
// catalog, as Nova's is not; a guest reaches it through the metadata proxy.
import type { KubeClient } from '../../../../crds/client/client.js';
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import { ProxySecret } from './metadata.proxy-secret.js';
import { metadataRoutes } from './metadata.routes.js';

export function metadataService(stores: Stores, kube: KubeClient, systemNamespace: string): ServiceDef {
  return { name: 'metadata', faultStyle: 'nova', routes: metadataRoutes({ stores, proxySecret: new ProxySecret(kube, systemNamespace) }) };
}
