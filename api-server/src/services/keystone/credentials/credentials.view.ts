// A credential record -> Keystone's credential document.
import type { Static } from '@sinclair/typebox';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { CredentialDocument, listCredentialsResponse } from './credentials.schema.js';
import type { CredentialRecord } from './credentials.store.js';

export function credentialView(baseUrl: string, c: CredentialRecord): CredentialDocument {
  return { id: c.id, user_id: c.userId, project_id: c.projectId, type: c.type, blob: c.blob, links: { self: v3Url(baseUrl, `credentials/${c.id}`) } };
}

export function credentialListView(baseUrl: string, links: CollectionLinks, creds: CredentialRecord[]): Static<typeof listCredentialsResponse> {
  return { credentials: creds.map((c) => credentialView(baseUrl, c)), links };
}
