// Watches for the stale-claim sweep: a Quota event enqueues its ledger; a deleted Server enqueues
// its project's compute ledger, so a claim left behind is seen again.
import type { Quota, Server } from '../../../../crds/types.generated.js';
import { Resources } from '../../../../crds/resources.js';
import { keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { QuotaClaimsReconciler } from './quota-claims.reconciler.js';

export const QUOTA_CLAIMS_CONTROLLER = 'quota-claims';

const QUOTA_CLAIMS_CACHES = ['quotas', 'servers', 'ports', 'networks', 'floatingIPs', 'securityGroups', 'volumes', 'snapshots'] as const;
export type QuotaClaimsWatchSources = Pick<Caches, (typeof QUOTA_CLAIMS_CACHES)[number]>;

export function watchQuotaClaims(src: QuotaClaimsWatchSources, enqueue: (key: string) => void): void {
  src.quotas.on({ onUpsert: (q: Quota) => enqueue(keyOf(q)) });
  src.servers.on({ onDelete: (s: Server) => {
    for (const q of src.quotas.list(s.metadata.namespace)) enqueue(keyOf(q));
  } });
}

export const quotaClaimsController = defineController({
  name: QUOTA_CLAIMS_CONTROLLER,
  primary: 'quotas',
  informers: QUOTA_CLAIMS_CACHES,
  watch: watchQuotaClaims,
  newReconciler: ({ kube, events, caches }) => {
    const { quotas, servers, ports, networks, floatingIPs, securityGroups, volumes, snapshots } = caches;
    const holders = { [Resources.Server.kind]: servers, [Resources.Port.kind]: ports, [Resources.Network.kind]: networks, [Resources.FloatingIP.kind]: floatingIPs, [Resources.SecurityGroup.kind]: securityGroups, [Resources.Volume.kind]: volumes, [Resources.Snapshot.kind]: snapshots };
    return new QuotaClaimsReconciler({ kube, events, quotas, holders }).reconcile;
  },
});
