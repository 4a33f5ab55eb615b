// Where application credential secrets live: as passwords do (password-store.ts), only a scrypt
// hash, in one Secret per credential in the system namespace, never in the CR, so RBAC on the
// openstack.sim kinds does not reach them. The Secret is owned by its ApplicationCredential, so
// the garbage collector removes it if the CR is deleted by other means than the API.
import { randomBytes } from 'node:crypto';
import type { KubeClient } from '../../../crds/client/client.js';
import { Resources, typeMeta } from '../../../crds/resources.js';
import type { ApplicationCredential } from '../../../crds/types.generated.js';
import { dummyHasher, verifyPasswordHash, type ScryptParams } from './password.js';
import type { PasswordGate } from './password-gate.js';
import type { HashVerifier } from './password-login.js';
import { newSecret, readSecretValue, type SecretObject } from './secret.js';

export const APP_CRED_HASH_KEY = 'secretHash';
export const APP_CRED_ID_LABEL = 'openstack.sim/application-credential-id';

export function appCredSecretName(credId: string): string {
  return `openstack-sim-appcred-${credId}`;
}

/** Keystone's generated secrets: 64 random bytes, URL-safe base64 without padding. */
export function generateAppCredSecret(): string {
  return randomBytes(64).toString('base64url');
}

/** Stores the hash of a new credential's secret; the credential (with its uid) must exist. */
export async function writeAppCredSecret(kube: KubeClient, namespace: string, cred: ApplicationCredential, hash: string): Promise<void> {
  const secret = newSecret(cred.spec.secretRef ?? appCredSecretName(cred.metadata.name), namespace, { [APP_CRED_HASH_KEY]: hash });
  secret.metadata.labels = { ...secret.metadata.labels, [APP_CRED_ID_LABEL]: cred.metadata.name };
  if (cred.metadata.uid) {
    secret.metadata.ownerReferences = [{ ...typeMeta(Resources.ApplicationCredential), name: cred.metadata.name, uid: cred.metadata.uid }];
  }
  await kube.create<SecretObject>(Resources.Secret, secret);
}

/** Removes the hash; already gone is fine. */
export async function deleteAppCredSecret(kube: KubeClient, namespace: string, cred: ApplicationCredential): Promise<void> {
  await kube.delete(Resources.Secret, cred.spec.secretRef ?? appCredSecretName(cred.metadata.name), namespace);
}

/** True when the secret is the credential's; an unknown credential costs the same check. */
export type AppCredSecretVerifier = (cred: ApplicationCredential | undefined, secret: string) => Promise<boolean>;

export interface AppCredSecretOptions {
  params: ScryptParams;
  /** The password checks' gate: a secret check costs one scrypt, as a password check does. */
  gate: PasswordGate;
  verifyHash?: HashVerifier;
}

export function createAppCredSecretVerifier(kube: KubeClient, namespace: string, options: AppCredSecretOptions): AppCredSecretVerifier {
  const verifyHash = options.verifyHash ?? verifyPasswordHash;
  const dummy = dummyHasher(options.params);
  return (cred, secret) =>
    options.gate.run(async () => {
      const name = cred ? (cred.spec.secretRef ?? appCredSecretName(cred.metadata.name)) : appCredSecretName('unknown');
      // Read live: the cache may not have a credential's Secret made a moment ago.
      const stored = cred ? readSecretValue(await kube.get<SecretObject>(Resources.Secret, name, namespace), APP_CRED_HASH_KEY) : undefined;
      const matches = await verifyHash(secret, stored ?? (await dummy()));
      return matches && stored !== undefined;
    });
}
