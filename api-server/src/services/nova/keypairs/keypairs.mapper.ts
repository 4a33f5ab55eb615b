// Between Nova's keypair request and the Keypair CR. The CR's name is a digest of the user and the
// keypair's name, so a keypair is found without a scan and two creates of one name collide in the
// apiserver (Nova's unique key on user_id and name).
import { createHash } from 'node:crypto';
import type { Keypair } from '../../../../../crds/types.generated.js';
import { typeMeta, Resources } from '../../../../../crds/resources.js';
import { MANAGED_BY, MANAGED_BY_LABEL, USER_LABEL } from '../../../../../crds/naming.js';
import type { KeyMaterial, KeypairType } from './keypairs.keys.js';

const digest = (userId: string, name: string): string => createHash('sha256').update(`${userId}\0${name}`).digest('hex');

export function keypairResourceName(userId: string, name: string): string {
  return `kp-${digest(userId, name).slice(0, 40)}`;
}

/** Nova's integer id: stable, taken from the CR name's digest (48 bits fit a JSON number exactly). */
export function keypairNumericId(kp: Keypair): number {
  return parseInt(kp.metadata.name.slice(3, 15), 16);
}

export interface KeypairOwner {
  userId: string;
  name: string;
  type: KeypairType;
}

export function toKeypairResource({ userId, name, type }: KeypairOwner, key: Omit<KeyMaterial, 'privateKey'>, now: Date): Keypair {
  return {
    ...typeMeta(Resources.Keypair),
    metadata: { name: keypairResourceName(userId, name), labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [USER_LABEL]: userId } },
    spec: { name, userId, publicKey: key.publicKey, fingerprint: key.fingerprint, type, createdAt: now.toISOString().replace(/\.\d+Z$/, 'Z') },
  };
}
