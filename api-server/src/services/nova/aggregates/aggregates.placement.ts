// The registry projected onto the Nodes: a label aggregate.openstack.sim/<id>="" on each member,
// and, for a node in an aggregate with an availability_zone, that zone as its
// topology.kubernetes.io/zone label (which the scheduler, os-availability-zone and Cinder read). The
// zone the node had before is kept in an annotation and given back when it leaves its last zoned
// aggregate. Each node's patch is conditional on the resourceVersion read and records the registry
// version it projects, so an older projection never overwrites a newer one.
import {
  AGGREGATE_LABEL_PREFIX, AGGREGATES_APPLIED_ANNOTATION, ZONE_BEFORE_AGGREGATE_ANNOTATION, ZONE_LABEL,
} from '../../../../../crds/naming.js';
import type { Node } from '../../../../../crds/kube-types.js';
import { isConflict, type KubeClient } from '../../../../../crds/client/client.js';
import { Resources } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import type { Registry, RegistryState } from './aggregates.registry.js';

export const aggregateLabel = (id: number): string => `${AGGREGATE_LABEL_PREFIX}${id}`;

/** The availability zone the host's aggregates give it (Nova allows one), if any. */
export function aggregateZone(registry: Registry, host: string, exceptId?: number): string | undefined {
  return registry.aggregates.find((a) => a.id !== exceptId && a.hosts.includes(host) && a.metadata.availability_zone)?.metadata.availability_zone;
}

export interface NodeMetaPatch {
  labels: Record<string, string | null>;
  annotations: Record<string, string | null>;
}

/** The aggregate labels to add ("") and remove (null) for the node's memberships. */
function membershipLabels(node: Node, registry: Registry): Record<string, string | null> {
  const labels: Record<string, string | null> = {};
  const have = node.metadata.labels ?? {};
  const want = new Set(registry.aggregates.filter((a) => a.hosts.includes(node.metadata.name)).map((a) => aggregateLabel(a.id)));
  for (const key of Object.keys(have)) if (key.startsWith(AGGREGATE_LABEL_PREFIX) && !want.has(key)) labels[key] = null;
  for (const key of want) if (have[key] === undefined) labels[key] = '';
  return labels;
}

/** The zone label an aggregate sets (keeping the one before), or the one before given back. */
function zoneChange(node: Node, registry: Registry): NodeMetaPatch {
  const current = node.metadata.labels?.[ZONE_LABEL];
  const zone = aggregateZone(registry, node.metadata.name);
  const before = node.metadata.annotations?.[ZONE_BEFORE_AGGREGATE_ANNOTATION];
  if (zone !== undefined) {
    return { labels: current !== zone ? { [ZONE_LABEL]: zone } : {}, annotations: before === undefined ? { [ZONE_BEFORE_AGGREGATE_ANNOTATION]: current ?? '' } : {} };
  }
  if (before === undefined) return { labels: {}, annotations: {} };
  return { labels: { [ZONE_LABEL]: before || null }, annotations: { [ZONE_BEFORE_AGGREGATE_ANNOTATION]: null } };
}

/** What must change on the node for it to show the registry; undefined when it shows it already. */
export function nodePatchFor(node: Node, registry: Registry): NodeMetaPatch | undefined {
  const zone = zoneChange(node, registry);
  const patch = { labels: { ...membershipLabels(node, registry), ...zone.labels }, annotations: zone.annotations };
  return Object.keys(patch.labels).length || Object.keys(patch.annotations).length ? patch : undefined;
}

const newer = (applied: string | undefined, version: string): boolean => applied !== undefined && /^\d+$/.test(applied) && /^\d+$/.test(version) && BigInt(applied) > BigInt(version);

/** Patches one node to the registry state, re-reading it when someone else wrote it in between. */
async function projectOnto(stores: Stores, kube: KubeClient, first: Node, state: RegistryState): Promise<void> {
  let node: Node | undefined = first;
  for (let attempt = 0; node && attempt < 5; attempt++) {
    if (newer(node.metadata.annotations?.[AGGREGATES_APPLIED_ANNOTATION], state.version)) return;
    const patch = nodePatchFor(node, state.registry);
    if (!patch) return;
    const metadata = { resourceVersion: node.metadata.resourceVersion, labels: patch.labels, annotations: { ...patch.annotations, [AGGREGATES_APPLIED_ANNOTATION]: state.version } };
    try {
      await stores.nodes.mergePatch(node.metadata.name, undefined, { metadata });
      return;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    node = await kube.get<Node>(Resources.Node, first.metadata.name);
  }
}

/** Brings every node's labels to the registry state just written (live nodes, not the cache). */
export async function projectOntoNodes(stores: Stores, kube: KubeClient, state: RegistryState): Promise<void> {
  const nodes = (await kube.list<Node>(Resources.Node)).items;
  for (const node of nodes) await projectOnto(stores, kube, node, state);
}
