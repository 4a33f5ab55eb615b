// /v2/images/{id}/members routes. Glance's add_member and delete_member are for the owner's
// members, modify_member for the member project; reading them for anyone who sees the image.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createMemberBody, member, membersResponse, updateMemberBody } from './image-members.schema.js';
import { createMemberHandler, deleteMemberHandler, listMembersHandler, showMemberHandler, updateMemberHandler } from './image-members.handlers.js';

export function imageMemberRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [404] };
  const one = '/v2/images/:imageId/members/:memberId';
  return [
    defineRoute({ ...read, path: '/v2/images/:imageId/members', response: membersResponse, handler: listMembersHandler(stores) }),
    defineRoute({ ...read, path: one, response: member, handler: showMemberHandler(stores) }),
    defineRoute({
      method: 'post', path: '/v2/images/:imageId/members', policy: 'member', body: createMemberBody, query: noQuery, response: member, successStatus: 200,
      expectedErrors: [400, 404, 409, 413], handler: createMemberHandler(stores),
    }),
    defineRoute({
      method: 'put', path: one, policy: 'member', body: updateMemberBody, query: noQuery, response: member, successStatus: 200,
      expectedErrors: [400, 404, 409], handler: updateMemberHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: one, policy: 'member', body: null, query: noQuery, response: null, successStatus: 204,
      expectedErrors: [404, 409], handler: deleteMemberHandler(stores),
    }),
  ];
}
