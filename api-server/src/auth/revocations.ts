// Token revocation by audit id. A revocation is a cluster-scoped TokenRevocation CR, so every API
// server replica learns of it through its informer; each token's audit ids are checked against
// them on every validation. Once the tokens it names have expired they are refused anyway, so
// every replica sweeps such revocations away (deletes are idempotent; two replicas deleting the
// same one is fine). As Keystone's [revoke] expiration_buffer, a revocation outlives its tokens'
// expiry by a buffer, so that a replica whose clock runs behind never accepts a revoked token.
import type { TokenRevocation } from '../../../crds/types.generated.js';
import { isAlreadyExists, isNotFound, type KubeClient } from '../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../crds/naming.js';
import { Resources, typeMeta } from '../../../crds/resources.js';
import { forbidden, type ApiError } from '../common/errors.js';
import type { ResourceStore } from '../kube/store.js';
import { USER_ID_LABEL } from './password-store.js';

/** Keystone's [revoke] expiration_buffer default. */
export const DEFAULT_EXPIRATION_BUFFER_SECONDS = 1800;
/** Outstanding revocations one user may hold (see revocationLimitReached); 0 is no limit. */
export const DEFAULT_MAX_REVOCATIONS_PER_USER = 100;

type RevocationStore = ResourceStore<TokenRevocation>;

/** Audit ids are base64url; the hex of their bytes is a valid, case-safe object name. */
export function revocationName(auditId: string): string {
  return Buffer.from(auditId, 'base64url').toString('hex');
}

export function isRevoked(store: RevocationStore, auditIds: string[]): boolean {
  return auditIds.some((id) => store.get(revocationName(id)) !== undefined);
}

export interface RevokedToken {
  userId: string;
  auditId: string;
  expiresAt: Date;
}

export async function revokeAuditId(store: RevocationStore, token: RevokedToken): Promise<void> {
  const revocation: TokenRevocation = {
    ...typeMeta(Resources.TokenRevocation),
    metadata: { name: revocationName(token.auditId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [USER_ID_LABEL]: token.userId } },
    spec: { auditId: token.auditId, expiresAt: token.expiresAt.toISOString() },
  };
  try {
    await store.create(revocation);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err; // revoking twice is still revoked
  }
}

/** Whether the sweep may delete it: its tokens expired more than bufferMs ago. */
export function isCollectable(revocation: TokenRevocation, nowMs: number, bufferMs: number): boolean {
  const expiresAt = Date.parse(revocation.spec.expiresAt);
  // An unreadable expiry is kept: deleting it could bring a revoked token back.
  return !Number.isNaN(expiresAt) && expiresAt + bufferMs <= nowMs;
}

/**
 * A member can mint revocations without bound (re-scope a token, revoke it, repeat), each one an
 * object in etcd. Every user's stored revocations are capped, as Keystone caps application
 * credentials per user ([application_credential] user_limit, a 403); since the sweep removes
 * them, this bounds how fast one user can mint them to the cap per token lifetime.
 */
export function revocationLimitReached(store: RevocationStore, userId: string, limits: { max: number; nowMs: number; bufferMs: number; pending?: number }): boolean {
  if (!limits.max) return false;
  const held = store.list().filter((r) => r.metadata.labels?.[USER_ID_LABEL] === userId && !isCollectable(r, limits.nowMs, limits.bufferMs));
  return held.length + (limits.pending ?? 0) >= limits.max;
}

export function revocationLimitExceeded(max: number): ApiError {
  return forbidden(`Unable to revoke additional tokens, maximum of ${max} already exceeded for user.`);
}

/** Deletes every collectable revocation in the cache; returns how many this call deleted. */
export async function sweepRevocations(kube: KubeClient, store: RevocationStore, nowMs: number, bufferMs: number): Promise<number> {
  let deleted = 0;
  for (const revocation of store.list().filter((r) => isCollectable(r, nowMs, bufferMs))) {
    try {
      if (await kube.delete(Resources.TokenRevocation, revocation.metadata.name)) deleted++;
    } catch (err) {
      if (!isNotFound(err)) throw err; // another replica swept it first
    }
  }
  return deleted;
}
