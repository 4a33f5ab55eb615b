// /v3/auth/projects, /v3/auth/domains, /v3/auth/system and /v3/auth/catalog: any valid token
// (Keystone checks no policy on them beyond a valid token).
import type { TSchema } from '@sinclair/typebox';
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import type { Handler } from '../handler.js';
import { listAuthDomainsResponse, listAuthProjectsResponse, listAuthSystemResponse, showAuthCatalogResponse } from './auth-info.schema.js';
import { listAuthDomainsHandler, listAuthProjectsHandler, listAuthSystemHandler, showAuthCatalogHandler } from './auth-info.handlers.js';

function authGet(path: string, response: TSchema, handler: Handler, expectedErrors: number[]): RouteDef {
  return defineRoute({ method: 'get', path, policy: 'authenticated', body: null, query: noQuery, response, successStatus: 200, expectedErrors, handler });
}

export function authInfoRoutes(k: KeystoneDeps): RouteDef[] {
  return [
    authGet('/v3/auth/projects', listAuthProjectsResponse, listAuthProjectsHandler(k), []),
    authGet('/v3/auth/domains', listAuthDomainsResponse, listAuthDomainsHandler(k), []),
    authGet('/v3/auth/system', listAuthSystemResponse, listAuthSystemHandler(k), []),
    authGet('/v3/auth/catalog', showAuthCatalogResponse, showAuthCatalogHandler(k), [403]),
  ];
}
