// The read-only /v3/domains routes.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { listDomainsQuery, listDomainsResponse, showDomainResponse } from './domains.schema.js';
import { listDomainsHandler, showDomainHandler } from './domains.handlers.js';

export function domainRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v3/domains',
      policy: 'admin',
      body: null,
      query: listDomainsQuery,
      response: listDomainsResponse,
      successStatus: 200,
      expectedErrors: [400],
      handler: listDomainsHandler(),
    }),
    defineRoute({
      method: 'get',
      path: '/v3/domains/:domainId',
      policy: 'authenticated',
      body: null,
      query: noQuery,
      response: showDomainResponse,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: showDomainHandler(),
    }),
  ];
}
