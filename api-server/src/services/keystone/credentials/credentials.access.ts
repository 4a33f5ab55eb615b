// Who may see and manage a credential, as Keystone's defaults say (identity:*_credential: an admin,
// or the credential's own user). Another user's credential does not exist for a non-admin (404),
// so ids cannot be probed; a list shows a non-admin only their own.
import type { AuthContext } from '../../../common/route.js';
import { notFound } from '../../../common/errors.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { policyDenied } from '../collection.js';
import { readCredential, type CredentialHome, type CredentialRecord } from './credentials.store.js';

export function credentialHome(k: KeystoneDeps): CredentialHome {
  return { kube: k.app.kube, namespace: k.app.config.systemNamespace };
}

export function checkMayOwn(auth: AuthContext, userId: string, action: string): void {
  if (!auth.isAdmin && auth.userId !== userId) throw policyDenied(action);
}

export async function findCredential(k: KeystoneDeps, auth: AuthContext, id: string): Promise<CredentialRecord> {
  const found = await readCredential(credentialHome(k), id);
  if (!found || (!auth.isAdmin && found.userId !== auth.userId)) throw notFound(`Could not find credential: ${id}.`);
  return found;
}
