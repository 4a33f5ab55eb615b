// Nova's keypair views: the list item, the show view (with Nova's database columns: a keypair is
// never soft-deleted here, so deleted is false) and the create answer; type from 2.2.
import type { Keypair } from '../../../../../crds/types.generated.js';
import { at } from '../microversion.js';
import { keypairNumericId } from './keypairs.mapper.js';

type KeypairBody = { keypair: Record<string, unknown> };

/** What every view has, in Nova's order: name, public_key, fingerprint, and type from 2.2. */
function keyFields(kp: Keypair, mv: string | undefined): Record<string, unknown> {
  const { name, publicKey, fingerprint, type } = kp.spec;
  return { name, public_key: publicKey, fingerprint, ...(at(mv, 'KEYPAIR_TYPE') ? { type } : {}) };
}

export function keypairSummaryView(kp: Keypair, mv: string | undefined): KeypairBody {
  return { keypair: keyFields(kp, mv) };
}

export function keypairView(kp: Keypair, mv: string | undefined): KeypairBody {
  const { userId, createdAt } = kp.spec;
  return { keypair: { ...keyFields(kp, mv), user_id: userId, id: keypairNumericId(kp), created_at: createdAt, updated_at: null, deleted_at: null, deleted: false } };
}

/** The create answer; private_key only when the key was generated, the one time it exists. */
export function keypairCreatedView(kp: Keypair, mv: string | undefined, privateKey: string | undefined): KeypairBody {
  return { keypair: { ...keyFields(kp, mv), user_id: kp.spec.userId, ...(privateKey ? { private_key: privateKey } : {}) } };
}
