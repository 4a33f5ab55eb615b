// VolumeTransfer CR -> Cinder's transfer bodies.
import type { Static } from '@sinclair/typebox';
import type { VolumeTransfer } from '../../../../../crds/types.generated.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import { at } from '../cinder.microversion.js';
import type { transferCreated, transferDetail, transferSummary } from './volume-transfers.schema.js';

function links(base: string, t: VolumeTransfer): Static<typeof transferSummary>['links'] {
  return [
    { rel: 'self', href: `${base}/volume/v3/${t.spec.projectId}/os-volume-transfer/${t.metadata.name}` },
    { rel: 'bookmark', href: `${base}/volume/${t.spec.projectId}/os-volume-transfer/${t.metadata.name}` },
  ];
}

export function transferSummaryView(t: VolumeTransfer, base: string): Static<typeof transferSummary> {
  return { id: t.metadata.name, name: t.spec.name ?? null, volume_id: t.spec.volumeId, links: links(base, t) };
}

export function transferDetailView(t: VolumeTransfer, base: string, mv?: string): Static<typeof transferDetail> {
  return {
    ...transferSummaryView(t, base),
    created_at: isoMicrosNoZone(t.spec.createdAt),
    ...(at(mv, 'TRANSFER_WITH_SNAPSHOTS') ? { no_snapshots: t.spec.noSnapshots === true } : {}),
    ...(at(mv, 'TRANSFER_WITH_HISTORY') ? { source_project_id: t.spec.projectId, destination_project_id: t.spec.acceptedBy?.projectId ?? null, accepted: t.spec.acceptedBy !== undefined } : {}),
  };
}

/** The one answer that carries the auth key: only its hash is stored. */
export function transferCreatedView(t: VolumeTransfer, base: string, authKey: string, mv?: string): Static<typeof transferCreated> {
  return { ...transferDetailView(t, base, mv), auth_key: authKey };
}
