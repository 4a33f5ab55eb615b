// Who sees which transfer: the giving project (an admin every one); to anyone else a transfer is
// a 404, though any project may accept one whose id and key it was given. A transfer that has
// been accepted is gone to every reader, as Cinder deletes the record on accept.
import type { VolumeTransfer } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { notFound, type ApiError } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { anyOf, runListQuery, type ListSpec, type Query } from '../../../common/list-query.js';
import { at } from '../cinder.microversion.js';
import { cinderListSpec } from '../cinder.query.js';

export const transferNotFound = (id: string): ApiError => notFound(`Transfer ${id} could not be found.`);

export function pendingTransfers(stores: Stores): VolumeTransfer[] {
  return stores.volumeTransfers.list().filter((t) => !t.spec.acceptedBy);
}

/** The giving project's (or, for an admin, any) pending transfer. */
export function findOwnTransfer(stores: Stores, auth: AuthContext, id: string): VolumeTransfer {
  const t = pendingTransfers(stores).find((x) => x.metadata.name === id);
  if (!t || (!auth.isAdmin && t.spec.projectId !== auth.projectId)) throw transferNotFound(id);
  return t;
}

const created = (t: VolumeTransfer): string => t.spec.createdAt;

const transferListSpec: ListSpec<VolumeTransfer> = {
  collection: 'transfers',
  filters: { name: anyOf((t) => t.spec.name ?? ''), volume_id: anyOf((t) => t.spec.volumeId) },
  sortKeys: { id: (t) => t.metadata.name, name: (t) => t.spec.name ?? null, created_at: created, volume_id: (t) => t.spec.volumeId },
  ...cinderListSpec<VolumeTransfer>(),
};

/**
 * What a list shows: the caller's project's transfers (every project's for an admin asking
 * all_tenants). From 3.59 sorted and paged as asked; before, oldest first, limit and offset only.
 */
export function listedTransfers(stores: Stores, auth: AuthContext, query: Query, mv: string | undefined): VolumeTransfer[] {
  const paged = at(mv, 'SUPPORT_TRANSFER_PAGINATION');
  const spec = paged ? transferListSpec : { ...transferListSpec, defaultSort: { key: 'created_at', dir: 'asc' as const }, sortParam: false };
  const { sort: _s, sort_key: _k, sort_dir: _d, marker: _m, ...unpaged } = query;
  return runListQuery(spec, pendingTransfers(stores), paged ? query : unpaged, auth).items;
}
