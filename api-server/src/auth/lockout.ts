// Account lockout, as Keystone's [security_compliance] lockout_failure_attempts and
// lockout_duration (keystone/identity/backends/sql.py): after N consecutive failed password checks
// the user is refused for D seconds, whatever the password, with Keystone's AccountLocked (401
// "The account is locked for user: <id>."); a successful check resets the count. The count lives
// in annotations on the user's password Secret, so every API server replica counts together; it
// is written at the resourceVersion it was read at and re-read on a conflict, so concurrent
// failures on several replicas are all counted.
import type { KubeClient } from '../../../crds/client/client.js';
import { updateWithRetry } from '../../../crds/client/update.js';
import { Resources } from '../../../crds/resources.js';
import { unauthorized, type ApiError } from '../common/errors.js';
import type { SecretObject } from './secret.js';

export interface LockoutPolicy {
  /** Consecutive failures that lock the account; 0 turns lockout off (Keystone's default). */
  failureAttempts: number;
  /** How long the lock lasts; 0 locks until the annotations are removed by hand. */
  durationSeconds: number;
}

/** Keystone's default lockout_duration is 1800 seconds; lockout itself is off by default. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { failureAttempts: 0, durationSeconds: 1800 };

// Keystone's local_user.failed_auth_count and failed_auth_at.
export const FAILED_AUTH_COUNT = 'openstack.sim/failed-auth-count';
export const FAILED_AUTH_AT = 'openstack.sim/failed-auth-at';

// Concurrent writers are few (each replica runs only a couple of password checks at once, see
// password-gate.ts), and every conflict means one of them succeeded, so this many attempts let each
// of them land.
const MAX_WRITE_ATTEMPTS = 10;

export interface FailedAuth {
  count: number;
  /** When the last failure was recorded, in epoch milliseconds. */
  at?: number;
}

export function failedAuthOf(secret: SecretObject): FailedAuth {
  const annotations = secret.metadata.annotations ?? {};
  const count = Number(annotations[FAILED_AUTH_COUNT] ?? 0);
  const at = Date.parse(annotations[FAILED_AUTH_AT] ?? '');
  return { count: Number.isInteger(count) && count > 0 ? count : 0, at: Number.isNaN(at) ? undefined : at };
}

function lockExpired(state: FailedAuth, policy: LockoutPolicy, nowMs: number): boolean {
  if (!policy.durationSeconds) return false;
  return (state.at ?? 0) + policy.durationSeconds * 1000 <= nowMs;
}

export function isLocked(state: FailedAuth, policy: LockoutPolicy, nowMs: number): boolean {
  if (!policy.failureAttempts || state.count < policy.failureAttempts) return false;
  return !lockExpired(state, policy, nowMs);
}

export function accountLocked(userId: string): ApiError {
  return unauthorized(`The account is locked for user: ${userId}.`);
}

/** The annotations after one more failure; a lock that ran out starts over, as Keystone resets it. */
function withFailure(state: FailedAuth, policy: LockoutPolicy, nowMs: number): Record<string, string> {
  const expired = state.count >= policy.failureAttempts && lockExpired(state, policy, nowMs);
  const count = (expired ? 0 : state.count) + 1;
  return { [FAILED_AUTH_COUNT]: String(count), [FAILED_AUTH_AT]: new Date(nowMs).toISOString() };
}

type AnnotationChange = (secret: SecretObject) => Record<string, string | null> | undefined;

function annotated(secret: SecretObject, change: Record<string, string | null>): SecretObject {
  const annotations: Record<string, string> = { ...secret.metadata.annotations };
  for (const [k, v] of Object.entries(change)) {
    if (v === null) delete annotations[k];
    else annotations[k] = v;
  }
  return { ...secret, metadata: { ...secret.metadata, annotations } };
}

/**
 * Read-modify-write of the Secret's annotations at the resourceVersion read. A conflict means
 * another check's write landed; after a few the change is dropped: the login's answer does not
 * depend on it, and the writes that won have counted failures of their own.
 */
async function updateAnnotations(kube: KubeClient, read: SecretObject, change: AnnotationChange): Promise<void> {
  const mutate = (current: SecretObject): SecretObject | undefined => {
    const next = change(current);
    return next && annotated(current, next);
  };
  // No backoff: the racing writers are this replica's few password checks, each quick.
  const { name, namespace } = read.metadata;
  await updateWithRetry(kube, Resources.Secret, mutate, { name, namespace, retry: { attempts: MAX_WRITE_ATTEMPTS, baseDelayMs: 0 }, first: read });
}

export function recordFailure(kube: KubeClient, secret: SecretObject, policy: LockoutPolicy, nowMs: number): Promise<void> {
  return updateAnnotations(kube, secret, (s) => withFailure(failedAuthOf(s), policy, nowMs));
}

/** Writes only when there is a count to clear, so successful logins normally write nothing. */
export function resetFailures(kube: KubeClient, secret: SecretObject): Promise<void> {
  const cleared = { [FAILED_AUTH_COUNT]: null, [FAILED_AUTH_AT]: null };
  return updateAnnotations(kube, secret, (s) => (failedAuthOf(s).count > 0 ? cleared : undefined));
}
