// GET /os-availability-zone: the zones volumes may be created in (nova, and the nodes' zones).
import { Type } from '@sinclair/typebox';
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery, responseObject } from '../../../common/parameter-types.js';
import { pathProject } from '../cinder.errors.js';
import type { Stores } from '../../../deps.js';
import { volumeZones } from './availability-zones.js';

const zoneList = responseObject({
  availabilityZoneInfo: Type.Array(responseObject({ zoneName: Type.String(), zoneState: responseObject({ available: Type.Boolean() }) })),
});

export const availabilityZoneRoutes = (stores: Stores): RouteDef[] => [
  defineRoute({
    method: 'get', path: '/v3/:projectId/os-availability-zone', policy: 'reader', body: null, query: noQuery, response: zoneList, successStatus: 200, expectedErrors: [400, 404],
    handler: async (ctx) => {
      pathProject(ctx.auth, ctx.params.projectId);
      return { body: { availabilityZoneInfo: volumeZones(stores).map((zoneName) => ({ zoneName, zoneState: { available: true } })) } };
    },
  }),
];
