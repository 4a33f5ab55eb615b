// Nova's key_pairs quota is per user, and a keypair is its user's, not a project's (a cluster-scoped
// Keypair). Its claim is made in the compute ledger of the project the creating token is scoped to,
// as `key_pairs:<user id>` (counted against the key_pairs limit, the user's own where set), and
// the Keypair records that project so its delete releases the claim there. A user's keypairs made
// under tokens of different projects are therefore counted in each project separately.
import type { Keypair } from '../../../../../crds/types.generated.js';
import { Resources } from '../../../../../crds/resources.js';
import { forbidden } from '../../../common/errors.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { claimKey, keyPairsResource, QUOTA_PROJECT_ANNOTATION } from '../../../quota/quota.keys.js';
import { claimIn } from './quota-sets.admission.js';

export interface KeypairClaim {
  projectId: string;
}

/** Claims one of the user's key pairs (Nova's 403 when none is left); a token without a project claims nothing. */
export async function claimKeypair(quotas: QuotaAdmission, projectId: string | undefined, cr: Keypair): Promise<KeypairClaim | undefined> {
  if (projectId === undefined) return undefined;
  const { userId } = cr.spec;
  const overages = await claimIn(quotas, projectId, { key: claimKey(Resources.Keypair, cr.metadata.name), resources: { [keyPairsResource(userId)]: 1 }, userId });
  if (overages.length) throw forbidden('Quota exceeded, too many key pairs.');
  return { projectId };
}

/** The Keypair remembering the ledger its claim is in. */
export function withQuotaProject(cr: Keypair, claim: KeypairClaim | undefined): Keypair {
  if (!claim) return cr;
  return { ...cr, metadata: { ...cr.metadata, annotations: { ...(cr.metadata.annotations ?? {}), [QUOTA_PROJECT_ANNOTATION]: claim.projectId } } };
}

/** Gives the keypair's claim back, in the ledger it was made in. */
export async function releaseKeypair(quotas: QuotaAdmission, claim: KeypairClaim | undefined, kp: Keypair): Promise<void> {
  const projectId = claim?.projectId ?? kp.metadata.annotations?.[QUOTA_PROJECT_ANNOTATION];
  if (projectId) await quotas.release(projectId, 'compute', claimKey(Resources.Keypair, kp.metadata.name));
}
