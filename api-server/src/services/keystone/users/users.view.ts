// User CR -> Keystone's user document (wire contract §1.5), extra attributes included. The
// password never appears; password_expires_at is null unless an expiry applies to the user.
import type { Static } from '@sinclair/typebox';
import type { User } from '../../../../../crds/types.generated.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listUsersResponse, UserDocument } from './users.schema.js';

/** Keystone shows ".000000" microseconds in password_expires_at. */
function expiry(u: User): string | null {
  if (!u.spec.passwordExpiresAt || u.spec.options?.ignore_password_expiry === true) return null;
  return new Date(u.spec.passwordExpiresAt).toISOString().replace(/\.\d{3}Z$/, '.000000');
}

export function userView(baseUrl: string, u: User): UserDocument {
  return {
    ...(u.spec.extra ?? {}),
    id: u.metadata.name,
    name: u.spec.name,
    domain_id: u.spec.domainId,
    enabled: u.spec.enabled !== false,
    ...(u.spec.defaultProjectId ? { default_project_id: u.spec.defaultProjectId } : {}),
    ...(u.spec.description !== undefined ? { description: u.spec.description } : {}),
    ...(u.spec.email !== undefined ? { email: u.spec.email } : {}),
    password_expires_at: expiry(u),
    options: u.spec.options ?? {},
    links: { self: v3Url(baseUrl, `users/${u.metadata.name}`) },
  };
}

export function userListView(baseUrl: string, links: CollectionLinks, users: User[]): Static<typeof listUsersResponse> {
  return { users: users.map((u) => userView(baseUrl, u)), links };
}
