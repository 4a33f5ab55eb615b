// Schemas of /v2/images/{id}/members (Glance's image_members.py).
import { Type } from '@sinclair/typebox';
import { isoTime, strictObject } from '../../../common/parameter-types.js';

export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;

export const createMemberBody = strictObject({ member: Type.String({ minLength: 1, maxLength: 255 }) });
// openstacksdk sends the member's id beside its status; Glance ignores it.
export const updateMemberBody = strictObject({ status: Type.Union(MEMBER_STATUSES.map((s) => Type.Literal(s))), member: Type.Optional(Type.String()) });

export const member = strictObject({
  image_id: Type.String(),
  member_id: Type.String(),
  status: Type.Union(MEMBER_STATUSES.map((s) => Type.Literal(s))),
  created_at: isoTime,
  updated_at: isoTime,
  schema: Type.String(),
});
export const membersResponse = strictObject({ members: Type.Array(member), schema: Type.String() });
