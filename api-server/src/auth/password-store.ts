// Where password hashes live: one Secret per user in the system namespace, never a CR, so that
// RBAC on the openstack.sim kinds does not grant access to credentials.
import type { KubeClient } from '../../../crds/client/client.js';
import { isAlreadyExists, isConflict } from '../../../crds/client/client.js';
import { Resources } from '../../../crds/resources.js';
import type { User } from '../../../crds/types.generated.js';
import { DEFAULT_SCRYPT, hashPassword } from './password.js';
import { encodeData, newSecret, type SecretObject } from './secret.js';

export const PASSWORD_HASH_KEY = 'passwordHash';
export const USER_ID_LABEL = 'openstack.sim/user-id';

export function passwordSecretName(userId: string): string {
  return `openstack-sim-user-${userId}`;
}

async function writeHash(kube: KubeClient, namespace: string, userId: string, hash: string): Promise<void> {
  const name = passwordSecretName(userId);
  const current = await kube.get<SecretObject>(Resources.Secret, name, namespace);
  if (current) {
    await kube.replace<SecretObject>(Resources.Secret, { ...current, data: { ...current.data, ...encodeData({ [PASSWORD_HASH_KEY]: hash }) } });
    return;
  }
  const secret = newSecret(name, namespace, { [PASSWORD_HASH_KEY]: hash });
  secret.metadata.labels = { ...secret.metadata.labels, [USER_ID_LABEL]: userId };
  await kube.create<SecretObject>(Resources.Secret, secret);
}

/** Creates or replaces the user's password hash. Concurrent writers race; the last one wins. */
export async function setUserPassword(kube: KubeClient, namespace: string, userId: string, password: string): Promise<void> {
  await setUserPasswordHash(kube, namespace, userId, await hashPassword(password, DEFAULT_SCRYPT));
}

/** As setUserPassword, for a hash made with other parameters (hashPassword(password, params)). */
export async function setUserPasswordHash(kube: KubeClient, namespace: string, userId: string, hash: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await writeHash(kube, namespace, userId, hash);
      return;
    } catch (err) {
      const raced = isConflict(err) || isAlreadyExists(err);
      if (!raced || attempt >= 3) throw err;
    }
  }
}

/**
 * The Secret holding the user's password hash, read live (the cache may lag behind a password
 * change). An unknown user still costs the same lookup, of a name no user can have, so the time
 * taken does not tell the two apart; it is undefined then.
 */
export async function readPasswordSecret(kube: KubeClient, namespace: string, user: User | undefined): Promise<SecretObject | undefined> {
  const secretName = user ? (user.spec.passwordSecretRef ?? passwordSecretName(user.metadata.name)) : passwordSecretName('unknown-user');
  const found = await kube.get<SecretObject>(Resources.Secret, secretName, namespace);
  return user ? found : undefined;
}
