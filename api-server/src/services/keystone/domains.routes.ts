// The read-only /v3/domains routes.
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import { listDomainsQuery } from './domains.schema.js';
import { listDomainsHandler, showDomainHandler } from './domains.handlers.js';

export function domainRoutes(): RouteDef[] {
  return [
    legacyRoute({
      method: 'get',
      path: '/v3/domains',
      auth: 'token',
      bodySchema: null,
      querySchema: listDomainsQuery,
      successStatus: 200,
      expectedErrors: [400],
      handler: listDomainsHandler(),
    }),
    legacyRoute({
      method: 'get',
      path: '/v3/domains/:domainId',
      auth: 'token',
      bodySchema: null,
      querySchema: noQuery,
      successStatus: 200,
      expectedErrors: [404],
      handler: showDomainHandler(),
    }),
  ];
}
