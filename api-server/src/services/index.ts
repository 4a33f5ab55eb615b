// Every service the API server mounts, and where.
import type { MountedService } from '../app.js';
import type { TokenProvider } from '../auth/token-provider.js';
import type { AppDeps } from '../deps.js';
import { bindQuotas } from '../quota/quota.binding.js';
import { cinderService } from './cinder/cinder.service.js';
import { glanceService } from './glance/glance.service.js';
import { keystoneService } from './keystone/keystone.service.js';
import { neutronService } from './neutron/neutron.service.js';
import { novaService } from './nova/nova.service.js';
import { metadataService } from './metadata/metadata.service.js';

export function allServices(deps: AppDeps, tokens: TokenProvider): MountedService[] {
  // Neutron's and Cinder's shared functions (which Nova calls too) find the admission from the stores.
  bindQuotas(deps.stores, deps.quotas);
  return [
    { mount: '/identity', service: keystoneService(deps, tokens) },
    { mount: '/compute', service: novaService(deps.stores, deps.imageData, deps.podLogs, tokens.consoleTokens, { kube: deps.kube, namespace: deps.config.systemNamespace }, deps.quotas) },
    { mount: '/image', service: glanceService(deps.stores, deps.imageData) },
    { mount: '/network', service: neutronService(deps.stores) },
    { mount: '/volume', service: cinderService(deps.stores, deps.imageData) },
    { mount: '/metadata', service: metadataService(deps.stores, deps.kube, deps.config.systemNamespace) },
  ];
}
