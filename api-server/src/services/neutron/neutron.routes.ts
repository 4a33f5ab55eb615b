// The five routes every Neutron collection shares (create, list, show, update, delete), with the
// policies (reading needs a reader, writing a member; ownership is checked in the handlers), the
// statuses and the errors Neutron's API reference gives them. A resource passes its schemas,
// handlers and any errors beyond the usual; the types of its handlers still come from its schemas.
import type { Static, TSchema } from '@sinclair/typebox';
import { noQuery } from '../../common/parameter-types.js';
import { defineRoute, type RouteContext, type RouteDef, type RouteResult } from '../../common/route.js';

type Handler<B, Q> = (ctx: RouteContext<B, Q>) => Promise<RouteResult>;

export interface CrudRoutes<C extends TSchema, U extends TSchema, L extends TSchema> {
  /** The collection's path segment: `networks`, `security-groups`… */
  collection: string;
  /** The item's path parameter: `networkId`… */
  param: string;
  create: { body: C; response: TSchema; handler: Handler<Static<C>, object>; errors?: number[] };
  list: { query: L; response: TSchema; handler: Handler<undefined, Static<L>>; errors?: number[] };
  show: { response: TSchema; handler: Handler<undefined, Static<L>> };
  /** Absent for collections whose items cannot be changed (security group rules). */
  update?: { body: U; response: TSchema; handler: Handler<Static<U>, object>; errors?: number[] };
  remove: { handler: Handler<undefined, object>; errors?: number[] };
}

const withUsual = (usual: number[], more: number[] = []): number[] => [...new Set([...usual, ...more])].sort((a, b) => a - b);

export function crudRoutes<C extends TSchema, U extends TSchema, L extends TSchema>(spec: CrudRoutes<C, U, L>): RouteDef[] {
  const base = `/v2.0/${spec.collection}`;
  const item = `${base}/:${spec.param}`;
  const { create, list, show, update, remove } = spec;
  return [
    defineRoute({ method: 'post', path: base, policy: 'member', body: create.body, query: noQuery, response: create.response, successStatus: 201, expectedErrors: withUsual([400, 403], create.errors), handler: create.handler }),
    defineRoute({ method: 'get', path: base, policy: 'reader', body: null, query: list.query, response: list.response, successStatus: 200, expectedErrors: withUsual([400], list.errors), handler: list.handler }),
    defineRoute({ method: 'get', path: item, policy: 'reader', body: null, query: list.query, response: show.response, successStatus: 200, expectedErrors: [404], handler: show.handler }),
    ...(update
      ? [defineRoute({ method: 'put', path: item, policy: 'member', body: update.body, query: noQuery, response: update.response, successStatus: 200, expectedErrors: withUsual([400, 403, 404, 412], update.errors), handler: update.handler })]
      : []),
    defineRoute({ method: 'delete', path: item, policy: 'member', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: withUsual([403, 404], remove.errors), handler: remove.handler }),
  ];
}
