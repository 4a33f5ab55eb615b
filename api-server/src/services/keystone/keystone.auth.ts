// Keystone's authentication resources: tokens, what a token may be scoped to, and (later)
// application credentials.
import type { RouteDef } from '../../common/route.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { tokenRoutes } from './tokens/tokens.routes.js';
import { authInfoRoutes } from './auth-info/auth-info.routes.js';

export function authRoutes(k: KeystoneDeps): RouteDef[] {
  return [...tokenRoutes(k), ...authInfoRoutes(k)];
}
