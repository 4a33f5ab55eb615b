// /v3/auth/projects, /v3/auth/domains and /v3/auth/catalog.
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { authCatalogHandler, authDomainsHandler, authProjectsHandler } from './auth-info.handlers.js';

export function authInfoRoutes(k: KeystoneDeps): RouteDef[] {
  const get = (path: string, handler: RouteDef['handler'], expectedErrors: number[]): RouteDef =>
    legacyRoute({ method: 'get', path, auth: 'token', bodySchema: null, querySchema: noQuery, successStatus: 200, expectedErrors, handler });
  return [
    get('/v3/auth/projects', authProjectsHandler(k), []),
    get('/v3/auth/domains', authDomainsHandler(), []),
    get('/v3/auth/catalog', authCatalogHandler(k), [403]),
  ];
}
