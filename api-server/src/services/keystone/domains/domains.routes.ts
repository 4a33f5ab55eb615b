// The /v3/domains routes: reads, and admin writes.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { AppDeps } from '../../../deps.js';
import { createDomainBody, listDomainsQuery, listDomainsResponse, showDomainResponse, updateDomainBody } from './domains.schema.js';
import { createDomainHandler, deleteDomainHandler, listDomainsHandler, showDomainHandler, updateDomainHandler } from './domains.handlers.js';

const item = '/v3/domains/:domainId';

export function domainRoutes(d: AppDeps): RouteDef[] {
  return [
    defineRoute({ method: 'get', path: '/v3/domains', policy: 'admin', body: null, query: listDomainsQuery, response: listDomainsResponse, successStatus: 200, expectedErrors: [400], handler: listDomainsHandler(d) }),
    defineRoute({ method: 'post', path: '/v3/domains', policy: 'admin', body: createDomainBody, query: noQuery, response: showDomainResponse, successStatus: 201, expectedErrors: [400, 409], handler: createDomainHandler(d) }),
    defineRoute({ method: 'get', path: item, policy: 'authenticated', body: null, query: noQuery, response: showDomainResponse, successStatus: 200, expectedErrors: [403, 404], handler: showDomainHandler(d) }),
    defineRoute({ method: 'patch', path: item, policy: 'admin', body: updateDomainBody, query: noQuery, response: showDomainResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409], handler: updateDomainHandler(d) }),
    // Its own parameter name, so the persona matrix can aim it at a throwaway domain (the default
    // domain, which the other routes read, cannot be deleted).
    defineRoute({ method: 'delete', path: '/v3/domains/:deleteDomainId', policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [403, 404, 409], handler: deleteDomainHandler(d) }),
  ];
}
