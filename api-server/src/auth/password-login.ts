// The password check behind POST /v3/auth/tokens, in Keystone's order (identity/backends/sql.py
// authenticate): a locked account is refused before its password is looked at; a wrong password
// counts a failure; a right one on an enabled user clears the count. Every check, for a known user
// or not, takes a slot of the PasswordGate before it reads the Secret and runs scrypt.
import type { KubeClient } from '../../../crds/client/client.js';
import type { User } from '../../../crds/types.generated.js';
import { isActive } from './assignments.js';
import { accountLocked, DEFAULT_LOCKOUT, failedAuthOf, isLocked, recordFailure, resetFailures, type LockoutPolicy } from './lockout.js';
import { DEFAULT_SCRYPT, dummyHasher, verifyPasswordHash, type ScryptParams } from './password.js';
import { PasswordGate } from './password-gate.js';
import { PASSWORD_HASH_KEY, readPasswordSecret } from './password-store.js';
import { readSecretValue, type SecretObject } from './secret.js';

/** Compares a password with a stored hash; scrypt by default, instrumented by tests. */
export type HashVerifier = (password: string, encoded: string) => Promise<boolean>;

/** True when the password is the user's; throws 401 for a locked account and 503 when overloaded. */
export type PasswordVerifier = (user: User | undefined, password: string) => Promise<boolean>;

export interface PasswordCheckOptions {
  /** scrypt cost of the dummy hash; must match how passwords are hashed (tests use a cheap one). */
  params?: ScryptParams;
  gate?: PasswordGate;
  lockout?: LockoutPolicy;
  verifyHash?: HashVerifier;
  /** Clock in epoch milliseconds. */
  now?: () => number;
}

interface Checked {
  secret: SecretObject | undefined;
  matches: boolean;
}

export function createPasswordVerifier(kube: KubeClient, namespace: string, options: PasswordCheckOptions = {}): PasswordVerifier {
  const gate = options.gate ?? new PasswordGate();
  const lockout = options.lockout ?? DEFAULT_LOCKOUT;
  const verifyHash = options.verifyHash ?? verifyPasswordHash;
  const now = options.now ?? Date.now;
  const dummy = dummyHasher(options.params ?? DEFAULT_SCRYPT);

  async function check(user: User | undefined, password: string): Promise<Checked> {
    const secret = await readPasswordSecret(kube, namespace, user);
    if (user && secret && isLocked(failedAuthOf(secret), lockout, now())) throw accountLocked(user.metadata.name);
    const stored = readSecretValue(secret, PASSWORD_HASH_KEY);
    const matches = await verifyHash(password, stored ?? (await dummy()));
    return { secret, matches: matches && stored !== undefined };
  }

  // Recorded while the slot is still held, so that a check waiting for the slot reads the count
  // this one leaves: past the threshold, at most the checks already running get a guess in.
  async function record(user: User | undefined, { secret, matches }: Checked): Promise<void> {
    if (!user || !secret || !lockout.failureAttempts) return;
    if (!matches) await recordFailure(kube, secret, lockout, now());
    else if (isActive(user)) await resetFailures(kube, secret);
  }

  return async (user, password) => {
    const checked = await gate.run(async () => {
      const result = await check(user, password);
      await record(user, result);
      return result;
    });
    return checked.matches;
  };
}
