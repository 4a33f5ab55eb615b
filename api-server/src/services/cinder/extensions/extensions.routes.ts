// GET /extensions: the extensions listed in extensions.ts.
import { Type } from '@sinclair/typebox';
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery, responseObject } from '../../../common/parameter-types.js';
import { pathProject } from '../cinder.errors.js';
import { CINDER_EXTENSIONS } from './extensions.js';

const extensionList = responseObject({
  extensions: Type.Array(responseObject({ alias: Type.String(), name: Type.String(), description: Type.String(), updated: Type.String(), links: Type.Array(Type.Unknown()) })),
});

export const extensionRoutes: RouteDef[] = [
  defineRoute({
    method: 'get', path: '/v3/:projectId/extensions', policy: 'reader', body: null, query: noQuery, response: extensionList, successStatus: 200, expectedErrors: [404],
    handler: async (ctx) => {
      pathProject(ctx.auth, ctx.params.projectId);
      return { body: { extensions: CINDER_EXTENSIONS.map((e) => ({ ...e, updated: '2013-10-03T00:00:00+00:00', links: [] })) } };
    },
  }),
];
