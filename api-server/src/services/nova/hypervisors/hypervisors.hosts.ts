// Each Node is one Nova compute host: a nova-compute service and the hypervisor (compute node) it
// reports. What Nova keeps in its services and compute_nodes tables is read here from the Node
// (identity, Ready, cordon, capacity) and from the Servers placed on it (usage).
import { createHash } from 'node:crypto';
import { DISABLED_REASON_ANNOTATION, FORCED_DOWN_ANNOTATION } from '../../../../../crds/naming.js';
import type { Node } from '../../../../../crds/kube-types.js';
import type { Flavor, Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';

/** Nova's integer id of a host's service and compute node (both the same here): stable, from the Node's uid. */
export function hostId(node: Node): number {
  const digest = createHash('sha256').update(node.metadata.uid ?? node.metadata.name).digest();
  // 31 bits: a positive integer every client parses, with collisions negligible for any cluster size.
  return digest.readUInt32BE(0) & 0x7fffffff;
}

/**
 * Nova's uuid (2.53) of the host's compute node or service: a name-based (v5-style) UUID of the
 * Node's uid, so it is stable and the two differ.
 */
export function hostUuid(node: Node, of: 'hypervisor' | 'service'): string {
  const b = createHash('sha1').update(`${of}:${node.metadata.uid ?? node.metadata.name}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id a version shows: the integer below 2.53, the uuid from it. */
export function idAt(node: Node, of: 'hypervisor' | 'service', uuids: boolean): number | string {
  return uuids ? hostUuid(node, of) : hostId(node);
}

const readyCondition = (n: Node): { status: string; lastHeartbeatTime?: string; lastTransitionTime?: string } | undefined =>
  n.status?.conditions?.find((c) => c.type === 'Ready');

/** Nova's service "up": the node heartbeats Ready and nobody forced its service down (2.11). */
export function isUp(node: Node): boolean {
  return readyCondition(node)?.status === 'True' && !isForcedDown(node);
}

export function isForcedDown(node: Node): boolean {
  return node.metadata.annotations?.[FORCED_DOWN_ANNOTATION] === 'true';
}

/** A disabled nova-compute takes no new instances, as a cordoned Node takes no new Pods. */
export function isDisabled(node: Node): boolean {
  return node.spec?.unschedulable === true;
}

export function disabledReason(node: Node): string | null {
  return isDisabled(node) ? (node.metadata.annotations?.[DISABLED_REASON_ANNOTATION] ?? null) : null;
}

export function lastHeartbeat(node: Node): string | undefined {
  return readyCondition(node)?.lastHeartbeatTime;
}

/** Since when the node has been Ready: the closest thing to a boot time a Node tells. */
export function readySince(node: Node): string | undefined {
  const ready = readyCondition(node);
  return ready?.status === 'True' ? ready.lastTransitionTime : undefined;
}

/** The node's InternalIP, as data only: nothing here ever connects to it. */
export function internalIp(node: Node): string | null {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? null;
}

const BINARY_SUFFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
const DECIMAL_SUFFIX: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

/** A Kubernetes quantity ("8Gi", "16331416Ki", "4", "3500m") as a number of units; 0 when absent or unreadable. */
export function quantity(raw: string | undefined): number {
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(raw ?? '');
  if (!m) return 0;
  const scale = BINARY_SUFFIX[m[2]] ?? DECIMAL_SUFFIX[m[2]];
  return scale === undefined ? 0 : Number(m[1]) * scale;
}

export interface HostCapacity {
  vcpus: number;
  memoryMb: number;
  localGb: number;
}

/** What the node has, in Nova's units (whole vCPUs, MiB, GiB), from its capacity. */
export function capacityOf(node: Node): HostCapacity {
  const c = node.status?.capacity ?? {};
  return { vcpus: Math.floor(quantity(c.cpu)), memoryMb: Math.floor(quantity(c.memory) / 2 ** 20), localGb: Math.floor(quantity(c['ephemeral-storage']) / 2 ** 30) };
}

export interface HostUsage extends HostCapacity {
  runningVms: number;
  /** Instances with a task in progress (Nova's current_workload). */
  workload: number;
}

/** The servers whose host is this node (a stopped one keeps its host and its resources, as in Nova). */
export function serversOn(stores: Stores, host: string): Server[] {
  return stores.servers.list().filter((s) => s.status?.host === host && !s.metadata.deletionTimestamp);
}

/** What the servers on the node take: their flavors' vCPUs, RAM and root plus ephemeral disk. */
export function usageOf(stores: Stores, host: string): HostUsage {
  const servers = serversOn(stores, host);
  const flavors = servers.map((s) => stores.flavors.get(s.spec.flavorRef)?.spec).filter((f): f is Flavor['spec'] => f !== undefined);
  const sum = (pick: (f: Flavor['spec']) => number): number => flavors.reduce((n, f) => n + pick(f), 0);
  return {
    vcpus: sum((f) => f.vcpus),
    memoryMb: sum((f) => f.ramMiB),
    localGb: sum((f) => f.diskGiB + (f.ephemeralGiB ?? 0)),
    runningVms: servers.length,
    workload: servers.filter((s) => s.status?.taskState).length,
  };
}

/** The compute hosts, by name, as Nova orders its compute nodes (by id; here by name, stable). */
export function computeNodes(stores: Stores): Node[] {
  return [...stores.nodes.list()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}
