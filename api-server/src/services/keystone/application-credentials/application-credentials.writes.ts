// Creating and deleting a credential: its name claim (unique per user, decided by the apiserver),
// the CR, and the Secret with its secret's hash. A create that fails part-way undoes what it made,
// so a refused create leaves neither a usable credential nor a taken name.
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { ApplicationCredential } from '../../../../../crds/types.generated.js';
import { duplicateEntry, releaseName, withNewClaim, type NameKey } from '../../../common/name-claims.js';
import { deleteAppCredSecret, writeAppCredSecret } from '../../../auth/app-cred-secrets.js';
import type { TokenProvider } from '../../../auth/token-provider.js';
import type { AppDeps } from '../../../deps.js';

/** Application credential names are unique per user. */
export function credentialNameKey(userId: string, name: string): NameKey {
  return { kind: typeMeta(Resources.ApplicationCredential).kind, scope: userId, name };
}

/** Creates the credential and stores its secret's hash; answers the CR as the apiserver made it. */
export async function createCredential(app: AppDeps, tokens: TokenProvider, cred: ApplicationCredential, secret: string): Promise<ApplicationCredential> {
  const hash = await tokens.hashSecret(secret);
  const claim = {
    key: credentialNameKey(cred.spec.userId, cred.spec.name),
    holderId: cred.metadata.name,
    taken: () => duplicateEntry('application_credential', `Duplicate name ${cred.spec.name}.`),
  };
  return withNewClaim(app.stores, claim, async () => {
    const made = await app.stores.applicationCredentials.create(cred);
    try {
      await writeAppCredSecret(app.kube, app.config.systemNamespace, made, hash);
    } catch (err) {
      await app.stores.applicationCredentials.delete(made.metadata.name);
      throw err;
    }
    return made;
  });
}

/** Deletes the credential (its tokens die with it at their next validation), its hash and its name. */
export async function deleteCredential(app: AppDeps, cred: ApplicationCredential): Promise<void> {
  await app.stores.applicationCredentials.delete(cred.metadata.name);
  await deleteAppCredSecret(app.kube, app.config.systemNamespace, cred);
  await releaseName(app.stores, credentialNameKey(cred.spec.userId, cred.spec.name), cred.metadata.name);
}
