// The extension list: any authenticated caller may read it, as in Neutron.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { listExtensionsResponse, showExtensionResponse } from './extensions.schema.js';
import { listExtensionsHandler, showExtensionHandler } from './extensions.handlers.js';

const get = { method: 'get' as const, policy: 'authenticated' as const, body: null, query: noQuery, successStatus: 200 };

export const extensionRoutes: RouteDef[] = [
  defineRoute({ ...get, path: '/v2.0/extensions', response: listExtensionsResponse, expectedErrors: [], handler: listExtensionsHandler }),
  defineRoute({ ...get, path: '/v2.0/extensions/:alias', response: showExtensionResponse, expectedErrors: [404], handler: showExtensionHandler }),
];
