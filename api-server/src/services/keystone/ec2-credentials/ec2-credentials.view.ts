// An ec2 credential record -> Keystone's OS-EC2 document (the blob's access and secret keys).
import type { Static } from '@sinclair/typebox';
import { v3Url, type CollectionLinks } from '../collection.js';
import { ec2Blob } from '../credentials/credentials.mapper.js';
import type { CredentialRecord } from '../credentials/credentials.store.js';
import type { Ec2CredentialDocument, listEc2CredentialsResponse } from './ec2-credentials.schema.js';

export function ec2CredentialView(baseUrl: string, c: CredentialRecord): Ec2CredentialDocument {
  const blob = ec2Blob(c.blob);
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    user_id: c.userId,
    tenant_id: c.projectId,
    access: blob.access,
    secret: text(blob.secret) ?? '',
    trust_id: text(blob.trust_id),
    links: { self: v3Url(baseUrl, `users/${c.userId}/credentials/OS-EC2/${blob.access}`) },
  };
}

export function ec2CredentialListView(baseUrl: string, links: CollectionLinks, creds: CredentialRecord[]): Static<typeof listEc2CredentialsResponse> {
  return { credentials: creds.map((c) => ec2CredentialView(baseUrl, c)), links };
}
