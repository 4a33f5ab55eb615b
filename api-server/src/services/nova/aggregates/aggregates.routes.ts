// /os-aggregates (Nova's default policy: admin only). Nova answers 200 to create, delete and the
// actions, for backward compatibility.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import {
  aggregateActionHandler, createAggregateHandler, deleteAggregateHandler, listAggregatesHandler, showAggregateHandler, updateAggregateHandler, type AggregateDeps,
} from './aggregates.handlers.js';
import { aggregateActionBody, createAggregateBody, createAggregateResponse, listAggregatesResponse, showAggregateResponse, updateAggregateBody } from './aggregates.schema.js';

export function aggregateRoutes(deps: AggregateDeps): RouteDef[] {
  const base = '/v2.1/os-aggregates';
  const one = `${base}/:aggregateId`;
  const admin = { policy: 'admin' as const, query: noQuery, successStatus: 200 };
  return [
    defineRoute({ ...admin, method: 'get', path: base, body: null, response: listAggregatesResponse, expectedErrors: [], handler: listAggregatesHandler(deps) }),
    defineRoute({ ...admin, method: 'post', path: base, body: createAggregateBody, response: createAggregateResponse, expectedErrors: [400, 409], handler: createAggregateHandler(deps) }),
    defineRoute({ ...admin, method: 'get', path: one, body: null, response: showAggregateResponse, expectedErrors: [400, 404], handler: showAggregateHandler(deps) }),
    defineRoute({ ...admin, method: 'put', path: one, body: updateAggregateBody, response: showAggregateResponse, expectedErrors: [400, 404, 409], handler: updateAggregateHandler(deps) }),
    defineRoute({ ...admin, method: 'delete', path: one, body: null, response: null, expectedErrors: [400, 404], handler: deleteAggregateHandler(deps) }),
    defineRoute({ ...admin, method: 'post', path: `${one}/action`, body: aggregateActionBody, response: showAggregateResponse, expectedErrors: [400, 404, 409], handler: aggregateActionHandler(deps) }),
  ];
}
