// Response schemas of /servers/{id}/os-instance-actions at 2.1, as Tempest's compute/v2_1/servers.py
// checks them (no other keys).
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

const action = {
  action: Type.String(),
  request_id: Type.String(),
  user_id: Type.String(),
  project_id: Type.String(),
  start_time: Type.String(),
  message: Type.Union([Type.String(), Type.Null()]),
  instance_uuid: Type.String(),
};

const event = strictObject({
  event: Type.String(),
  start_time: Type.String(),
  finish_time: Type.Union([Type.String(), Type.Null()]),
  result: Type.Union([Type.String(), Type.Null()]),
  traceback: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const listInstanceActionsResponse = strictObject({ instanceActions: Type.Array(strictObject(action)) });
export const showInstanceActionResponse = strictObject({ instanceAction: strictObject({ ...action, events: Type.Optional(Type.Array(event)) }) });
