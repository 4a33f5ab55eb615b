// GET /v2/schemas/{image,images,member,members}: glanceclient validates against them, and
// Tempest reads them. Any authenticated caller may (Glance's get_schema rule is empty).
import { Type } from '@sinclair/typebox';
import { defineRoute, type RouteDef, type RouteResult } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { SCHEMA_DOCS } from './schemas.view.js';

const schemaDoc = Type.Object({ name: Type.String(), properties: Type.Object({}, { additionalProperties: true }) }, { additionalProperties: true });

export function schemaRoutes(): RouteDef[] {
  return Object.entries(SCHEMA_DOCS).map(([name, doc]) =>
    defineRoute({
      method: 'get', path: `/v2/schemas/${name}`, policy: 'authenticated', body: null, query: noQuery, response: schemaDoc, successStatus: 200,
      expectedErrors: [], handler: async (): Promise<RouteResult> => ({ body: doc() }),
    }),
  );
}
