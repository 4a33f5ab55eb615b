// The Fernet key repository, kept in one Secret shared by every API server replica and laid out
// like Keystone's key directory: data keys "0", "1", ... where the highest index is the primary
// (it signs new tokens), "0" is the staged key (the next primary, already accepted so replicas
// that have not seen a rotation yet still validate tokens it signs), and the rest are secondary
// keys kept only to validate tokens signed before a rotation.
import type { KubeClient } from '../../../crds/client/client.js';
import { isAlreadyExists, isConflict } from '../../../crds/client/client.js';
import { Resources } from '../../../crds/resources.js';
import { generateFernetKey, parseFernetKey, type FernetKey } from './fernet.js';
import { encodeData, newSecret, readSecretValue, type SecretObject } from './secret.js';

export const TOKEN_KEYS_SECRET = 'openstack-sim-token-keys';
export const DEFAULT_MAX_ACTIVE_KEYS = 3;
const MAX_ROTATE_ATTEMPTS = 5;

export interface KeySet {
  /** Signs new tokens. */
  primary: FernetKey;
  /** Every key a token may be validated with, primary first. */
  all: FernetKey[];
}

function indexes(secret: SecretObject): number[] {
  return Object.keys(secret.data ?? {})
    .filter((k) => /^\d+$/.test(k))
    .map(Number)
    .sort((a, b) => b - a);
}

/** Reads the key set from the Secret; undefined when it holds no usable key. */
export function keySetFromSecret(secret: SecretObject): KeySet | undefined {
  const keys: FernetKey[] = [];
  for (const i of indexes(secret)) {
    const key = parseFernetKey(readSecretValue(secret, String(i)) ?? '');
    if (key) keys.push(key);
  }
  return keys.length ? { primary: keys[0], all: keys } : undefined;
}

/** The raw (still base64 text) key files by index, as a rotation rewrites them. */
function keyFiles(secret: SecretObject): Map<number, string> {
  return new Map(indexes(secret).map((i) => [i, readSecretValue(secret, String(i)) ?? '']));
}

/** As keystone-manage fernet_setup: a staged key 0 and a primary key 1. */
export async function ensureKeys(kube: KubeClient, namespace: string): Promise<SecretObject> {
  const existing = await kube.get<SecretObject>(Resources.Secret, TOKEN_KEYS_SECRET, namespace);
  if (existing) return existing;
  try {
    const fresh = newSecret(TOKEN_KEYS_SECRET, namespace, { '0': generateFernetKey(), '1': generateFernetKey() });
    return await kube.create<SecretObject>(Resources.Secret, fresh);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    // Another replica created it first; use theirs so we all sign with the same key.
    const winner = await kube.get<SecretObject>(Resources.Secret, TOKEN_KEYS_SECRET, namespace);
    if (!winner) throw err;
    return winner;
  }
}

/**
 * As keystone-manage fernet_rotate: the staged key becomes the new primary (highest index + 1), a
 * new staged key takes slot 0, and the lowest secondary keys go until maxActive remain.
 */
export function rotatedKeyFiles(files: Map<number, string>, maxActive: number): Map<number, string> {
  const next = new Map(files);
  const top = Math.max(0, ...next.keys());
  next.set(top + 1, next.get(0) ?? generateFernetKey());
  next.set(0, generateFernetKey());
  const secondaries = [...next.keys()].filter((i) => i !== 0).sort((a, b) => a - b);
  while (next.size > Math.max(2, maxActive)) next.delete(secondaries.shift() as number);
  return next;
}

async function rotateOnce(kube: KubeClient, namespace: string, maxActive: number): Promise<SecretObject> {
  const current = await ensureKeys(kube, namespace);
  const rotated = rotatedKeyFiles(keyFiles(current), maxActive);
  const data = encodeData(Object.fromEntries([...rotated].map(([i, key]) => [String(i), key])));
  // replace carries current.metadata.resourceVersion: a concurrent rotation makes this a 409.
  return kube.replace<SecretObject>(Resources.Secret, { ...current, data });
}

/** Rotates with optimistic concurrency, retrying from a fresh read when another writer won. */
export async function rotateKeys(kube: KubeClient, namespace: string, maxActive = DEFAULT_MAX_ACTIVE_KEYS): Promise<SecretObject> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rotateOnce(kube, namespace, maxActive);
    } catch (err) {
      if (!isConflict(err) || attempt >= MAX_ROTATE_ATTEMPTS) throw err;
    }
  }
}
