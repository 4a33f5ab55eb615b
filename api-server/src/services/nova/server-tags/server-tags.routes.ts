// The /servers/{id}/tags routes (2.26; below it a 404). Nova's default policies: a project reader
// lists and checks, a member writes.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { MV } from '../microversion.js';
import {
  addServerTagHandler,
  checkServerTagHandler,
  deleteServerTagHandler,
  deleteServerTagsHandler,
  listServerTagsHandler,
  replaceServerTagsHandler,
} from './server-tags.handlers.js';
import { replaceServerTagsBody, serverTagsResponse } from './server-tags.schema.js';

export function serverTagRoutes(stores: Stores): RouteDef[] {
  const all = '/v2.1/servers/:serverId/tags';
  const one = `${all}/:tag`;
  const base = { minVersion: MV.SERVER_TAGS, query: noQuery };
  const read = { ...base, method: 'get' as const, policy: 'reader' as const, body: null };
  const write = { ...base, policy: 'member' as const };
  return [
    defineRoute({ ...read, path: all, response: serverTagsResponse, successStatus: 200, expectedErrors: [404], handler: listServerTagsHandler(stores) }),
    defineRoute({ ...read, path: one, response: null, successStatus: 204, expectedErrors: [404], handler: checkServerTagHandler(stores) }),
    defineRoute({ ...write, method: 'put', path: all, body: replaceServerTagsBody, response: serverTagsResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: replaceServerTagsHandler(stores) }),
    defineRoute({ ...write, method: 'put', path: one, body: null, response: null, successStatus: 201, expectedErrors: [400, 404, 409], handler: addServerTagHandler(stores) }),
    defineRoute({ ...write, method: 'delete', path: all, body: null, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteServerTagsHandler(stores) }),
    defineRoute({ ...write, method: 'delete', path: one, body: null, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteServerTagHandler(stores) }),
  ];
}
