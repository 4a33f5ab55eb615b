// Request and response schemas of /servers/{id}/os-volume_attachments at 2.1 (Nova's
// volumes.py schemas): the volume to attach, an optional device name, from 2.49 a device tag and
// from 2.79 whether the server's delete deletes it.
import { Type, type Static } from '@sinclair/typebox';
import type { KeyVersions } from '../microversion.js';
import { deviceTag } from '../nova.schema.js';
import { responseObject, strictObject } from '../../../common/parameter-types.js';

export const attachVolumeBody = strictObject({
  volumeAttachment: strictObject({
    volumeId: Type.String({ minLength: 1, maxLength: 64 }),
    device: Type.Optional(Type.Union([Type.String({ maxLength: 255, pattern: '^/dev/[a-z]+$' }), Type.Null()])),
    tag: Type.Optional(deviceTag),
    delete_on_termination: Type.Optional(Type.Boolean()),
  }),
});
export type AttachVolumeRequest = Static<typeof attachVolumeBody>['volumeAttachment'];

/** The attach keys later versions add. */
export const ATTACH_KEYS: KeyVersions = { since: { tag: 'ATTACH_TAGS', delete_on_termination: 'ATTACH_DELETE_ON_TERMINATION' } };

export const volumeAttachment = responseObject({
  id: Type.String(),
  volumeId: Type.String(),
  serverId: Type.String(),
  device: Type.String(),
  tag: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  delete_on_termination: Type.Optional(Type.Boolean()),
});
export const volumeAttachmentResponse = responseObject({ volumeAttachment });
export const listVolumeAttachmentsResponse = responseObject({ volumeAttachments: Type.Array(volumeAttachment) });
