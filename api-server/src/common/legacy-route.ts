// TEMPORARY: the old route declaration, kept only while the services move to defineRoute one by
// one (issue 5). Every caller is converted and this file deleted before the issue is resolved.
import type { TSchema } from '@sinclair/typebox';
import type { HttpMethod, RouteContext, RouteDef, RouteResult } from './route.js';
import type { JsonSchema } from './validate.js';

export interface LegacyRouteDef<B = unknown> {
  method: HttpMethod;
  path: string;
  auth: 'token' | 'none';
  bodySchema: JsonSchema | null;
  querySchema: JsonSchema;
  successStatus: number;
  expectedErrors: number[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (ctx: RouteContext<B, any>) => Promise<RouteResult>;
}

export function legacyRoute<B = unknown>(def: LegacyRouteDef<B>): RouteDef {
  const { auth, bodySchema, querySchema, ...rest } = def;
  return {
    ...rest,
    policy: auth === 'none' ? 'public' : 'authenticated',
    body: bodySchema as TSchema | null,
    query: querySchema as TSchema,
    response: null,
    handler: def.handler as RouteDef['handler'],
  };
}

/** TEMPORARY, with legacyRoute: a plain body schema with additionalProperties: false. */
export function bodySchema(props: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { type: 'object', properties: props, required, additionalProperties: false };
}
