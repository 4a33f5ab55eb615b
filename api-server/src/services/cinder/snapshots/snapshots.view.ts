// A Snapshot CR as Cinder shows a snapshot: the summary (the plain list), the body of create,
// update and show with the fields later microversions add (group_snapshot_id 3.14, user_id 3.41),
// and the detail with its progress and project (the extended snapshot attributes).
import type { Static } from '@sinclair/typebox';
import type { Snapshot } from '../../../../../crds/types.generated.js';
import type { snapshot } from './snapshots.schema.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import { at } from '../cinder.microversion.js';

export function snapshotStatus(s: Snapshot): string {
  return s.spec.transientStatus ?? s.status?.status ?? 'creating';
}

export type SnapshotView = Static<typeof snapshot>;

export function snapshotView(s: Snapshot): SnapshotView {
  const created = isoMicrosNoZone(s.metadata.creationTimestamp ?? new Date());
  return {
    id: s.metadata.name,
    name: s.spec.name ?? null,
    description: s.spec.description ?? null,
    volume_id: s.spec.volumeId,
    size: s.spec.size,
    status: snapshotStatus(s),
    created_at: created,
    updated_at: s.spec.updatedAt ? isoMicrosNoZone(s.spec.updatedAt) : created,
    metadata: { ...(s.spec.metadata ?? {}) },
  };
}

/** create, update, show and detail: the summary and what the microversion adds. */
export function snapshotVersionedView(s: Snapshot, microversion: string | undefined): SnapshotView {
  return {
    ...snapshotView(s),
    ...(at(microversion, 'GROUP_SNAPSHOTS') ? { group_snapshot_id: null } : {}),
    ...(at(microversion, 'SNAPSHOT_LIST_USER_ID') ? { user_id: s.spec.userId } : {}),
  };
}

export function snapshotDetailView(s: Snapshot, microversion?: string): SnapshotView & Record<'os-extended-snapshot-attributes:progress' | 'os-extended-snapshot-attributes:project_id', string> {
  const status = snapshotStatus(s);
  return {
    ...snapshotVersionedView(s, microversion),
    'os-extended-snapshot-attributes:progress': status === 'available' ? '100%' : '0%',
    'os-extended-snapshot-attributes:project_id': s.spec.projectId,
  };
}
