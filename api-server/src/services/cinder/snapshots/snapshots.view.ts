// A Snapshot CR as Cinder shows a snapshot: the summary, and the detail with its progress and
// project (the extended snapshot attributes).
import type { Static } from '@sinclair/typebox';
import type { Snapshot } from '../../../../../crds/types.generated.js';
import type { snapshot } from './snapshots.schema.js';
import { isoMicrosNoZone } from '../../../common/time.js';

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

export function snapshotDetailView(s: Snapshot): SnapshotView & Record<'os-extended-snapshot-attributes:progress' | 'os-extended-snapshot-attributes:project_id', string> {
  const status = snapshotStatus(s);
  return {
    ...snapshotView(s),
    'os-extended-snapshot-attributes:progress': status === 'available' ? '100%' : '0%',
    'os-extended-snapshot-attributes:project_id': s.spec.projectId,
  };
}
