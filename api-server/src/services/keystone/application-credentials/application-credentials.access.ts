// Who may see and manage a user's application credentials, as Keystone's defaults say:
// identity:get/list/delete_application_credential admit the owner or an admin;
// identity:create_application_credential admits only the owner (nobody creates one for someone
// else); and a token issued with a restricted application credential may neither create nor
// delete one, so a delegation cannot extend itself.
import type { ApplicationCredential } from '../../../../../crds/types.generated.js';
import type { AuthContext } from '../../../common/route.js';
import { forbidden, notFound, type ApiError } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import { policyDenied } from '../collection.js';

export function checkMayRead(auth: AuthContext, userId: string, action: 'get' | 'list'): void {
  if (auth.userId !== userId && !auth.isAdmin) throw policyDenied(`${action}_application_credential${action === 'list' ? 's' : ''}`);
}

export function checkMayDelete(auth: AuthContext, userId: string): void {
  if (auth.userId !== userId && !auth.isAdmin) throw policyDenied('delete_application_credential');
  checkNotRestricted(auth);
}

export function checkMayCreate(auth: AuthContext, userId: string): void {
  if (auth.userId !== userId) throw policyDenied('create_application_credential');
  checkNotRestricted(auth);
}

function checkNotRestricted(auth: AuthContext): void {
  if (auth.applicationCredential && !auth.applicationCredential.unrestricted) {
    throw forbidden("You are not authorized to perform the requested action: Using method 'application_credential' is not allowed for managing additional application credentials.");
  }
}

export function credentialNotFound(id: string): ApiError {
  return notFound(`Could not find Application Credential: ${id}.`);
}

/** The user's credential with this id, else Keystone's 404 (another user's credential does not exist here). */
export function findCredentialOf(stores: Stores, userId: string, id: string): ApplicationCredential {
  const cred = stores.applicationCredentials.get(id);
  if (!cred || cred.spec.userId !== userId || cred.metadata.deletionTimestamp) throw credentialNotFound(id);
  return cred;
}
