// Request and response schemas of /attachments (Cinder's api/schemas/attachments.py: create at
// 3.27, with mode from 3.54; update needs a connector). The list shows each attachment's summary,
// the detail, show, create and update its connection too.
import { Type } from '@sinclair/typebox';
import { querySchema, queryString, responseObject, strictObject, uuid } from '../../../common/parameter-types.js';
import { listQueryKeys } from '../cinder.schema.js';

const connector = Type.Object({}, { additionalProperties: true });

export const createAttachmentBody = strictObject({
  attachment: strictObject({
    volume_uuid: uuid,
    instance_uuid: Type.Optional(uuid),
    connector: Type.Optional(Type.Union([connector, Type.Null()])),
    /** Read from 3.54; refused before (the handler checks the version). */
    mode: Type.Optional(Type.Union([Type.Literal('rw'), Type.Literal('ro')])),
  }),
});

export const updateAttachmentBody = strictObject({
  attachment: strictObject({ connector: Type.Object({}, { additionalProperties: true, minProperties: 1 }) }),
});

/** os-complete's value is not read (cinderclient sends null, the SDK the id). */
export const attachmentActionBody = strictObject({ 'os-complete': Type.Unknown() });

export const listAttachmentsQuery = querySchema({ ...listQueryKeys, volume_id: queryString, instance_id: queryString, attach_status: queryString });

export const attachmentSummary = responseObject({
  id: Type.String(),
  status: Type.String(),
  instance: Type.Union([Type.String(), Type.Null()]),
  volume_id: Type.String(),
});

export const attachmentDetail = responseObject({
  ...attachmentSummary.properties,
  attached_at: Type.String(),
  detached_at: Type.String(),
  attach_mode: Type.String(),
  connection_info: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const attachmentResponse = responseObject({ attachment: attachmentDetail });
export const listAttachmentsResponse = responseObject({ attachments: Type.Array(attachmentSummary) });
export const listAttachmentsDetailResponse = responseObject({ attachments: Type.Array(attachmentDetail) });
