// Nova's availability zones, from the cluster's Nodes: each node is a nova-compute host in the zone
// its topology.kubernetes.io/zone label names (Nova's default zone `nova` without one). A host is
// available while its Ready condition is True, and its service active unless it is cordoned
// (unschedulable, as a disabled nova-compute service takes no new instances). A zone is available
// when one of its hosts is both, as Nova lists a zone whose every service is disabled as unavailable.
import { ZONE_LABEL } from '../../../../../crds/naming.js';
import type { Node } from '../../../../../crds/kube-types.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import type { DetailedZone, HostService, ListedZone } from './availability-zones.schema.js';

export const DEFAULT_COMPUTE_ZONE = 'nova';


const zoneOf = (n: Node): string => n.metadata.labels?.[ZONE_LABEL] || DEFAULT_COMPUTE_ZONE;
const ready = (n: Node): { status: string; lastHeartbeatTime?: string } | undefined => n.status?.conditions?.find((c) => c.type === 'Ready');

function computeService(n: Node): HostService {
  const r = ready(n);
  return { available: r?.status === 'True', active: !n.spec?.unschedulable, updated_at: r?.lastHeartbeatTime ? isoMicrosNoZone(r.lastHeartbeatTime) : null };
}

function byZone(nodes: Node[]): Map<string, Node[]> {
  const zones = new Map<string, Node[]>();
  for (const n of [...nodes].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) zones.set(zoneOf(n), [...(zones.get(zoneOf(n)) ?? []), n]);
  return new Map([...zones].sort(([a], [b]) => a.localeCompare(b)));
}

/** GET /os-availability-zone: each zone and whether it takes servers; hosts are for the detail. */
export function zoneListView(nodes: Node[]): ListedZone[] {
  return [...byZone(nodes)].map(([zoneName, hosts]) => {
    const available = hosts.some((n) => computeService(n).available && computeService(n).active);
    return { zoneName, zoneState: { available }, hosts: null };
  });
}

/** GET /os-availability-zone/detail (admin): each zone's hosts with their nova-compute service. */
export function zoneDetailView(nodes: Node[]): DetailedZone[] {
  return zoneListView(nodes).map((z) => ({
    ...z,
    hosts: Object.fromEntries((byZone(nodes).get(z.zoneName) ?? []).map((n) => [n.metadata.name, { 'nova-compute': computeService(n) }])),
  }));
}
