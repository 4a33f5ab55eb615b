// ApplicationCredential CR -> Keystone's application_credential document. Roles are shown as
// delegated (a role deleted since is left out); the secret only in the create answer.
import type { Static } from '@sinclair/typebox';
import type { ApplicationCredential } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { ApplicationCredentialDocument, listApplicationCredentialsResponse } from './application-credentials.schema.js';

function rolesOf(stores: Stores, cred: ApplicationCredential): ApplicationCredentialDocument['roles'] {
  return cred.spec.roles.flatMap((id) => {
    const role = stores.roles.get(id);
    return role ? [{ id, name: role.spec.name, domain_id: role.spec.domainId ?? null }] : [];
  });
}

export function applicationCredentialView(stores: Stores, baseUrl: string, cred: ApplicationCredential): ApplicationCredentialDocument {
  const { spec } = cred;
  return {
    id: cred.metadata.name,
    name: spec.name,
    description: spec.description ?? null,
    user_id: spec.userId,
    project_id: spec.projectId,
    system: null,
    // Kept as RFC 3339 with a Z; Keystone answers %Y-%m-%dT%H:%M:%S.%f in UTC.
    expires_at: spec.expiresAt ? spec.expiresAt.replace(/Z$/, '') : null,
    unrestricted: spec.unrestricted === true,
    roles: rolesOf(stores, cred),
    access_rules: [],
    links: { self: v3Url(baseUrl, `users/${spec.userId}/application_credentials/${cred.metadata.name}`) },
  };
}

export function applicationCredentialListView(stores: Stores, baseUrl: string, links: CollectionLinks, creds: ApplicationCredential[]): Static<typeof listApplicationCredentialsResponse> {
  return { application_credentials: creds.map((c) => applicationCredentialView(stores, baseUrl, c)), links };
}
