// Watches for the name claim sweeper: a NameClaim event enqueues it; a deleted domain, project,
// user, group, role or application credential enqueues the claims it held, so a leftover is seen again.
import type { NameClaim } from '../../../../crds/types.generated.js';
import { keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { NameClaimReconciler } from './name-claim.reconciler.js';

export const NAME_CLAIM_CONTROLLER = 'name-claim';

const NAME_CLAIM_CACHES = ['nameClaims', 'domains', 'projects', 'users', 'groups', 'roles', 'applicationCredentials'] as const;
export type NameClaimWatchSources = Pick<Caches, (typeof NAME_CLAIM_CACHES)[number]>;

export function watchNameClaims(src: NameClaimWatchSources, enqueue: (key: string) => void): void {
  src.nameClaims.on({ onUpsert: (c: NameClaim) => enqueue(keyOf(c)) });
  const held = (o: { metadata: { name: string } }): void => {
    for (const c of src.nameClaims.list()) if (c.spec.holderId === o.metadata.name) enqueue(keyOf(c));
  };
  for (const holders of [src.domains, src.projects, src.users, src.groups, src.roles, src.applicationCredentials]) holders.on({ onDelete: held });
}

export const nameClaimController = defineController({
  name: NAME_CLAIM_CONTROLLER,
  primary: 'nameClaims',
  informers: NAME_CLAIM_CACHES,
  watch: watchNameClaims,
  newReconciler: ({ kube, events, caches }) => new NameClaimReconciler({ kube, events, ...caches }).reconcile,
});
