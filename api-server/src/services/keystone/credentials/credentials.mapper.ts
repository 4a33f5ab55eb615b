// Credential bodies -> credential records, with Keystone's EC2 rules: an "ec2" credential's blob is
// JSON with an access key, its id is the SHA-256 of that key (so OS-EC2 finds it by access), it
// needs a project, and an update may not change its scope keys (trust_id, app_cred_id,
// access_token_id, access_id).
import { createHash, randomUUID } from 'node:crypto';
import { badRequest } from '../../../common/errors.js';
import type { CreateCredentialRequest, UpdateCredentialRequest } from './credentials.schema.js';
import type { CredentialRecord } from './credentials.store.js';

const SCOPE_KEYS = ['trust_id', 'app_cred_id', 'access_token_id', 'access_id'];

export function ec2CredentialId(access: string): string {
  return createHash('sha256').update(access).digest('hex');
}

function isEc2(type: string): boolean {
  return type.toLowerCase() === 'ec2';
}

/** An ec2 blob's fields, else Keystone's 400. */
export function ec2Blob(blob: string): Record<string, unknown> & { access: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(blob);
  } catch {
    throw badRequest('Invalid blob in credential');
  }
  const access = (parsed as { access?: unknown } | null)?.access;
  if (typeof parsed !== 'object' || parsed === null || typeof access !== 'string' || access === '') throw badRequest('Credential blob must be a JSON object with an access key for an ec2 credential');
  return parsed as Record<string, unknown> & { access: string };
}

export function toCredentialRecord(body: CreateCredentialRequest): CredentialRecord {
  const projectId = body.project_id ?? null;
  if (!isEc2(body.type)) return { id: randomUUID().replace(/-/g, ''), userId: body.user_id, projectId, type: body.type, blob: body.blob };
  const { access } = ec2Blob(body.blob);
  if (projectId === null) throw badRequest('Project ID not found: an ec2 credential needs a project_id.');
  return { id: ec2CredentialId(access), userId: body.user_id, projectId, type: body.type, blob: body.blob };
}

export function updatedCredentialRecord(current: CredentialRecord, body: UpdateCredentialRequest): CredentialRecord {
  const next: CredentialRecord = {
    ...current,
    ...(body.blob !== undefined ? { blob: body.blob } : {}),
    ...(body.type !== undefined ? { type: body.type } : {}),
    ...(body.user_id !== undefined ? { userId: body.user_id } : {}),
    ...(body.project_id !== undefined ? { projectId: body.project_id } : {}),
  };
  if (isEc2(next.type)) {
    const before: Record<string, unknown> = isEc2(current.type) ? ec2Blob(current.blob) : {};
    const after = ec2Blob(next.blob);
    const changed = SCOPE_KEYS.find((key) => (before[key] ?? null) !== (after[key] ?? null));
    if (changed) throw badRequest(`${changed} can not be updated for credential`);
    if (next.projectId === null) throw badRequest('Project ID not found: an ec2 credential needs a project_id.');
  }
  return next;
}
