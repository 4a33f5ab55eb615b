// Which attachments a caller sees: those of the volumes it sees (an admin's own project's, or
// every project's with all_tenants), and their list query (Cinder's attachment filters).
import type { Stores } from '../../../deps.js';
import { anyOf, type ListSpec } from '../../../common/list-query.js';
import { notFound, type ApiError } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { cinderListSpec } from '../cinder.query.js';
import { liveVolumes, volumeVisible } from '../volumes/volumes.access.js';
import { attachStatus, type Attached } from './attachments.view.js';

export const attachmentNotFound = (id: string): ApiError => notFound(`VolumeAttachment ${id} could not be found.`);

/** Every attachment of every volume the caller may see. */
export function visibleAttachments(stores: Stores, auth: AuthContext): Attached[] {
  return liveVolumes(stores).filter((v) => volumeVisible(v, auth)).flatMap((volume) => (volume.spec.attachments ?? []).map((attachment) => ({ volume, attachment })));
}

export function findAttachment(stores: Stores, auth: AuthContext, id: string): Attached {
  const found = visibleAttachments(stores, auth).find((a) => a.attachment.id === id);
  if (!found) throw attachmentNotFound(id);
  return found;
}

type Row = Attached & { metadata: { name: string }; spec: { projectId: string } };

/** The list rows, shaped for the shared Cinder list spec (id and project at the usual places). */
export function attachmentRows(found: Attached[]): Row[] {
  return found.map((a) => ({ ...a, metadata: { name: a.attachment.id }, spec: { projectId: a.volume.spec.projectId } }));
}

export const attachmentListSpec: ListSpec<Row> = {
  collection: 'attachments',
  filters: {
    volume_id: anyOf((r) => r.volume.metadata.name),
    instance_id: anyOf((r) => r.attachment.serverId),
    status: anyOf((r) => attachStatus(r.attachment)),
    attach_status: anyOf((r) => attachStatus(r.attachment)),
  },
  sortKeys: {
    id: (r) => r.attachment.id,
    created_at: (r) => r.attachment.attachedAt,
    updated_at: (r) => r.attachment.attachedAt,
  },
  ...cinderListSpec<Row>(),
};
