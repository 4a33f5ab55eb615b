// Nova's keypair views: the list item, the show view (with Nova's database columns: a keypair is
// never soft-deleted here, so deleted is false) and the create answer; type from 2.2.
import type { Keypair } from '../../../../../crds/types.generated.js';
import { at } from '../microversion.js';
import { keypairNumericId } from './keypairs.mapper.js';

type KeypairBody = { keypair: Record<string, unknown> };

const typed = (kp: Keypair, mv: string | undefined): { type?: string } => (at(mv, 'KEYPAIR_TYPE') ? { type: kp.spec.type } : {});

export function keypairSummaryView(kp: Keypair, mv: string | undefined): KeypairBody {
  return { keypair: { name: kp.spec.name, public_key: kp.spec.publicKey, fingerprint: kp.spec.fingerprint, ...typed(kp, mv) } };
}

export function keypairView(kp: Keypair, mv: string | undefined): KeypairBody {
  const { name, publicKey, fingerprint, userId, createdAt } = kp.spec;
  return {
    keypair: { name, public_key: publicKey, fingerprint, ...typed(kp, mv), user_id: userId, id: keypairNumericId(kp), created_at: createdAt, updated_at: null, deleted_at: null, deleted: false },
  };
}

/** The create answer; private_key only when the key was generated, the one time it exists. */
export function keypairCreatedView(kp: Keypair, mv: string | undefined, privateKey: string | undefined): KeypairBody {
  const { name, publicKey, fingerprint, userId } = kp.spec;
  return { keypair: { name, public_key: publicKey, fingerprint, ...typed(kp, mv), user_id: userId, ...(privateKey ? { private_key: privateKey } : {}) } };
}
