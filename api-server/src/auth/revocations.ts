// Token revocation by audit id. A revocation is a cluster-scoped TokenRevocation CR, so every API
// server replica learns of it through its informer; each token's audit ids are checked against
// them on every validation. The CR can be garbage-collected once spec.expiresAt has passed,
// because by then the token is rejected as expired anyway.
import type { TokenRevocation } from '../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../crds/naming.js';
import { Resources, typeMeta } from '../../../crds/resources.js';
import type { ResourceStore } from '../kube/store.js';

/** Audit ids are base64url; the hex of their bytes is a valid, case-safe object name. */
export function revocationName(auditId: string): string {
  return Buffer.from(auditId, 'base64url').toString('hex');
}

export function isRevoked(store: ResourceStore<TokenRevocation>, auditIds: string[]): boolean {
  return auditIds.some((id) => store.get(revocationName(id)) !== undefined);
}

export async function revokeAuditId(store: ResourceStore<TokenRevocation>, auditId: string, expiresAt: Date): Promise<void> {
  const revocation: TokenRevocation = {
    ...typeMeta(Resources.TokenRevocation),
    metadata: { name: revocationName(auditId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: { auditId, expiresAt: expiresAt.toISOString() },
  };
  try {
    await store.create(revocation);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err; // revoking twice is still revoked
  }
}
