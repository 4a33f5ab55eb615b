// Who sees which snapshot (an admin every one, anyone else their project's), and its list query.
import type { Snapshot } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { anyOf, type ListSpec, type SortValue } from '../../../common/list-query.js';
import type { AuthContext } from '../../../common/route.js';
import { snapshotNotFound } from '../cinder.errors.js';
import { likeFilters } from '../cinder.filters.js';
import { at } from '../cinder.microversion.js';
import { cinderListSpec } from '../cinder.query.js';
import { byMetadata } from '../volumes/volumes.query.js';
import { snapshotStatus } from './snapshots.view.js';

export function findSnapshot(stores: Stores, auth: AuthContext, id: string): Snapshot {
  const s = stores.snapshots.list().find((x) => x.metadata.name === id);
  if (!s || (!auth.isAdmin && s.spec.projectId !== auth.projectId)) throw snapshotNotFound(id);
  return s;
}

const created = (s: Snapshot): string => s.metadata.creationTimestamp ?? '';
const SORT_KEYS: Record<string, (s: Snapshot) => SortValue> = {
  id: (s) => s.metadata.name,
  name: (s) => s.spec.name ?? null,
  display_name: (s) => s.spec.name ?? null,
  size: (s) => s.spec.size,
  status: snapshotStatus,
  volume_id: (s) => s.spec.volumeId,
  created_at: created,
  updated_at: (s) => s.spec.updatedAt ?? created(s),
};

/** The snapshot list at a microversion: the metadata filter from 3.22, `key~` from 3.34. */
export function snapshotListSpec(mv: string | undefined): ListSpec<Snapshot> {
  return {
    collection: 'snapshots',
    filters: {
      name: anyOf((s) => s.spec.name ?? ''),
      display_name: anyOf((s) => s.spec.name ?? ''),
      status: anyOf(snapshotStatus),
      volume_id: anyOf((s) => s.spec.volumeId),
      project_id: (values, auth) => (auth.isAdmin ? anyOf<Snapshot>((s) => s.spec.projectId)(values, auth) : undefined),
      ...(at(mv, 'SNAPSHOT_LIST_METADATA_FILTER') ? { metadata: byMetadata } : {}),
      ...likeFilters<Snapshot>(mv, { name: (s) => s.spec.name, description: (s) => s.spec.description, status: snapshotStatus }),
    },
    sortKeys: SORT_KEYS,
    ...cinderListSpec<Snapshot>(),
  };
}
