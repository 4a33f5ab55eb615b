// Finding a volume type by id or name, as Cinder's volume create accepts either, and the default
// type (`__DEFAULT__`, which the seed creates) for volumes that name none.
import type { VolumeType } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { notFound } from '../../../common/errors.js';
import { volumeTypeNotFound } from '../cinder.errors.js';

export const DEFAULT_VOLUME_TYPE = '__DEFAULT__';

/** Private types are for admins only here (no per-project type access yet). */
export function volumeTypeVisible(t: VolumeType, auth: AuthContext): boolean {
  return auth.isAdmin || t.spec.isPublic !== false;
}

export function findVolumeType(stores: Stores, auth: AuthContext, idOrName: string): VolumeType {
  const byId = stores.volumeTypes.get(idOrName);
  const found = byId ?? stores.volumeTypes.list().find((t) => t.spec.name === idOrName);
  if (!found || !volumeTypeVisible(found, auth)) throw notFound(`Volume type with name ${idOrName} could not be found.`);
  return found;
}

export function defaultVolumeType(stores: Stores): VolumeType {
  const found = stores.volumeTypes.list().find((t) => t.spec.name === DEFAULT_VOLUME_TYPE);
  if (!found) throw volumeTypeNotFound(DEFAULT_VOLUME_TYPE);
  return found;
}

/** Cinder's `multiattach` extra spec: "<is> True". */
export function typeIsMultiattach(t: VolumeType): boolean {
  return /^<is>\s*true$/i.test(t.spec.extraSpecs?.multiattach ?? '');
}
