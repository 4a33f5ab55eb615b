// Keystone's authentication resources: tokens, what a token may be scoped to, application
// credentials, the catalog's services, endpoints, regions and endpoint groups, policy records,
// and credentials (with their OS-EC2 view).
import type { RouteDef } from '../../common/route.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { tokenRoutes } from './tokens/tokens.routes.js';
import { authInfoRoutes } from './auth-info/auth-info.routes.js';
import { applicationCredentialRoutes } from './application-credentials/application-credentials.routes.js';
import { serviceRoutes } from './services/services.routes.js';
import { endpointRoutes } from './endpoints/endpoints.routes.js';
import { regionRoutes } from './regions/regions.routes.js';
import { endpointGroupRoutes } from './endpoint-groups/endpoint-groups.routes.js';
import { policyRoutes } from './policies/policies.routes.js';
import { credentialRoutes } from './credentials/credentials.routes.js';
import { ec2CredentialRoutes } from './ec2-credentials/ec2-credentials.routes.js';

export function authRoutes(k: KeystoneDeps): RouteDef[] {
  return [
    ...tokenRoutes(k), ...authInfoRoutes(k), ...applicationCredentialRoutes(k), ...serviceRoutes(k), ...endpointRoutes(k), ...regionRoutes(k),
    ...endpointGroupRoutes(k), ...policyRoutes(k), ...credentialRoutes(k), ...ec2CredentialRoutes(k)];
}
