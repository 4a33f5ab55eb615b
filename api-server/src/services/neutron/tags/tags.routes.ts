// /{collection}/{id}/tags[/{tag}] for each tagged resource (wire contract §4.3): replace all 200,
// add one 201, check one 204 or 404, remove 204, list 200.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { replaceTagsBody, tagsResponse } from './tags.schema.js';
import { tagHandlers, type Taggable } from './tags.handlers.js';
import type { KubeObject } from '../../../../../crds/kube-object.js';

export function tagRoutes<T extends KubeObject & { spec: { tags?: string[] } }>(t: Taggable<T>): RouteDef[] {
  const h = tagHandlers(t);
  const all = `/v2.0/${t.collection}/:id/tags`;
  const one = `${all}/:tag`;
  const base = { body: null, query: noQuery };
  return [
    defineRoute({ ...base, method: 'get', path: all, policy: 'reader', response: tagsResponse, successStatus: 200, expectedErrors: [404], handler: h.list }),
    defineRoute({ ...base, method: 'get', path: one, policy: 'reader', response: null, successStatus: 204, expectedErrors: [404], handler: h.check }),
    defineRoute({ method: 'put', path: all, policy: 'member', body: replaceTagsBody, query: noQuery, response: tagsResponse, successStatus: 200, expectedErrors: [400, 403, 404], handler: h.replace }),
    defineRoute({ ...base, method: 'put', path: one, policy: 'member', response: null, successStatus: 201, expectedErrors: [400, 403, 404], handler: h.add }),
    defineRoute({ ...base, method: 'delete', path: all, policy: 'member', response: null, successStatus: 204, expectedErrors: [403, 404], handler: h.removeAll }),
    defineRoute({ ...base, method: 'delete', path: one, policy: 'member', response: null, successStatus: 204, expectedErrors: [403, 404], handler: h.remove }),
  ];
}
