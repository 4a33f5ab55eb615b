// Who sees which transfer: the giving project (an admin every one); to anyone else a transfer is
// a 404, though any project may accept one whose id and key it was given. A transfer that has
// been accepted is gone to every reader, as Cinder deletes the record on accept.
import type { VolumeTransfer } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { notFound, type ApiError } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { listedProjects } from '../cinder.query.js';

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

/** What a list shows: the caller's project's transfers (every project's for an admin asking all_tenants), newest first. */
export function listedTransfers(stores: Stores, auth: AuthContext, query: Record<string, unknown>): VolumeTransfer[] {
  const listed = listedProjects(query, auth);
  const wanted = (key: string): string[] => [query[key] ?? []].flat().map(String);
  const [names, volumes] = [wanted('name'), wanted('volume_id')];
  return pendingTransfers(stores)
    .filter((t) => listed(t.spec.projectId))
    .filter((t) => !names.length || names.includes(t.spec.name ?? ''))
    .filter((t) => !volumes.length || volumes.includes(t.spec.volumeId))
    .sort((a, b) => b.spec.createdAt.localeCompare(a.spec.createdAt));
}
