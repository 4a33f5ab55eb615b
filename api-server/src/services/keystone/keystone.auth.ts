// Keystone's authentication resources: tokens, what a token may be scoped to, application
// credentials, and the catalog's read-only services, endpoints and regions.
import type { RouteDef } from '../../common/route.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { tokenRoutes } from './tokens/tokens.routes.js';
import { authInfoRoutes } from './auth-info/auth-info.routes.js';
import { applicationCredentialRoutes } from './application-credentials/application-credentials.routes.js';
import { serviceRoutes } from './services/services.routes.js';
import { endpointRoutes } from './endpoints/endpoints.routes.js';
import { regionRoutes } from './regions/regions.routes.js';

export function authRoutes(k: KeystoneDeps): RouteDef[] {
  return [...tokenRoutes(k), ...authInfoRoutes(k), ...applicationCredentialRoutes(k), ...serviceRoutes(k), ...endpointRoutes(k), ...regionRoutes(k)];
}
