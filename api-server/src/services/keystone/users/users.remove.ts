// DELETE /v3/users/{id} (admins): the user goes with what only it had: its password Secret, its
// role assignments, its group memberships and its application credentials, and its name claim.
// Keypairs are Nova's and stay, as Keystone leaves them.
import type { User } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { Resources } from '../../../../../crds/resources.js';
import { releaseName } from '../../../common/name-claims.js';
import type { AppDeps } from '../../../deps.js';
import { passwordSecretName } from '../../../auth/password-store.js';
import type { Handler } from '../handler.js';
import { findUser, userNameKey } from './users.handlers.js';

async function deleteSecret(d: AppDeps, user: User): Promise<void> {
  try {
    await d.kube.delete(Resources.Secret, user.spec.passwordSecretRef ?? passwordSecretName(user.metadata.name), d.config.systemNamespace);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

export async function removeUser(d: AppDeps, user: User): Promise<void> {
  const id = user.metadata.name;
  const { stores } = d;
  await stores.users.delete(id);
  for (const a of stores.roleAssignments.list().filter((x) => x.spec.userId === id)) await stores.roleAssignments.delete(a.metadata.name);
  for (const m of stores.groupMemberships.list().filter((x) => x.spec.userId === id)) await stores.groupMemberships.delete(m.metadata.name);
  for (const c of stores.applicationCredentials.list().filter((x) => x.spec.userId === id)) await stores.applicationCredentials.delete(c.metadata.name);
  await deleteSecret(d, user);
  await releaseName(stores, userNameKey(user.spec.domainId, user.spec.name), id);
}

export function deleteUserHandler(d: AppDeps): Handler {
  return async (ctx) => {
    await removeUser(d, findUser(d, ctx.params.deleteUserId));
    return { status: 204 };
  };
}
