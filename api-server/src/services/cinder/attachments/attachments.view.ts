// A volume's attachment as Cinder's attachments API shows it. Nova and os-attach record theirs
// without a state: to this API they are attached.
import type { Static } from '@sinclair/typebox';
import type { Volume } from '../../../../../crds/types.generated.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import { connectionInfo } from '../volumes/volumes.attachments.js';
import type { attachmentDetail, attachmentSummary } from './attachments.schema.js';

export type VolumeAttachmentRecord = NonNullable<Volume['spec']['attachments']>[number];

/** One attachment with the volume it belongs to. */
export interface Attached {
  volume: Volume;
  attachment: VolumeAttachmentRecord;
}

export function attachStatus(a: VolumeAttachmentRecord): string {
  return a.state ?? 'attached';
}

export function attachmentSummaryView({ volume, attachment }: Attached): Static<typeof attachmentSummary> {
  return { id: attachment.id, status: attachStatus(attachment), instance: attachment.serverId || null, volume_id: volume.metadata.name };
}

export function attachmentDetailView(at: Attached): Static<typeof attachmentDetail> {
  const { volume, attachment } = at;
  const reserved = attachment.state === 'reserved';
  return {
    ...attachmentSummaryView(at),
    attached_at: reserved ? '' : isoMicrosNoZone(attachment.attachedAt),
    detached_at: '',
    attach_mode: attachment.mode ?? 'rw',
    connection_info: reserved ? null : connectionInfo(volume, attachment.mode ?? 'rw'),
  };
}
