// Response schemas of /servers/{id}/os-instance-actions at 2.1, as Tempest's compute/v2_1/servers.py
// checks them (no other keys).
import { Type } from '@sinclair/typebox';
import { querySchema, queryString, strictObject } from '../../../common/parameter-types.js';
import { novaLinkList } from '../nova.schema.js';

const action = {
  action: Type.String(),
  request_id: Type.String(),
  user_id: Type.String(),
  project_id: Type.String(),
  start_time: Type.String(),
  message: Type.Union([Type.String(), Type.Null()]),
  instance_uuid: Type.String(),
  updated_at: Type.Optional(Type.String()),
};

const event = strictObject({
  event: Type.String(),
  start_time: Type.String(),
  finish_time: Type.Union([Type.String(), Type.Null()]),
  result: Type.Union([Type.String(), Type.Null()]),
  traceback: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  hostId: Type.Optional(Type.String()),
  host: Type.Optional(Type.String()),
});

export const listInstanceActionsResponse = strictObject({ instanceActions: Type.Array(strictObject(action)), links: Type.Optional(novaLinkList) });
export const listInstanceActionsQuery = querySchema({ limit: queryString, marker: queryString, 'changes-since': queryString, 'changes-before': queryString });
export const showInstanceActionResponse = strictObject({ instanceAction: strictObject({ ...action, events: Type.Optional(Type.Array(event)) }) });
