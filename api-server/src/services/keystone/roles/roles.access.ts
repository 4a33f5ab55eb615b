// The one lookup of a role by id that every Keystone module uses (roles, implied roles, grants):
// a missing role, or one being deleted, is Keystone's 404.
import type { Role } from '../../../../../crds/types.generated.js';
import { notFound } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';

export function findRole(stores: Stores, id: string): Role {
  const role = stores.roles.get(id);
  if (!role || role.metadata.deletionTimestamp) throw notFound(`Could not find role: ${id}.`);
  return role;
}
