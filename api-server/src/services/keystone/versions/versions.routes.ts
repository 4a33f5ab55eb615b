// Keystone's version discovery: GET /identity answers 300 with every version (Tempest insists on
// 300, keystoneauth and gophercloud accept it), GET /identity/v3 answers 200 with the one. Both
// are public: clients discover before they authenticate.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { listVersionsResponse, showVersionResponse } from './versions.schema.js';
import { listVersionsHandler, showVersionHandler } from './versions.handlers.js';

export const versionRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/',
    policy: 'public',
    body: null,
    query: noQuery,
    response: listVersionsResponse,
    successStatus: 300,
    expectedErrors: [],
    handler: listVersionsHandler(),
  }),
  defineRoute({
    method: 'get',
    path: '/v3',
    policy: 'public',
    body: null,
    query: noQuery,
    response: showVersionResponse,
    successStatus: 200,
    expectedErrors: [],
    handler: showVersionHandler(),
  }),
];
