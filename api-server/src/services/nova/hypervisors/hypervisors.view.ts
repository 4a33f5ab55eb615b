// Node → Nova hypervisor (compute node) bodies, as Nova's HypervisorsController._view_hypervisor
// builds them at the versions advertised: the 2.1 shape, cpu_info an object from 2.28, uuids from
// 2.53 (and the servers on it when asked, the key absent when there are none).
import type { Node } from '../../../../../crds/kube-types.js';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { at } from '../microversion.js';
import { capacityOf, computeNodes, disabledReason, idAt, internalIp, isDisabled, isUp, readySince, usageOf } from './hypervisors.hosts.js';
import type { HypervisorDetail, HypervisorStatistics, HypervisorSummary } from './hypervisors.schema.js';

/** KWOK marks the nodes it simulates; elsewhere the node is a kubelet's. */
const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';

export function hypervisorSummaryView(node: Node, mv: string | undefined, servers?: Server[]): HypervisorSummary {
  const listed = (servers ?? []).map((s) => ({ name: s.spec.name, uuid: s.metadata.name }));
  return {
    id: idAt(node, 'hypervisor', at(mv, 'HOST_UUIDS')), hypervisor_hostname: node.metadata.name, state: isUp(node) ? 'up' : 'down', status: isDisabled(node) ? 'disabled' : 'enabled',
    ...(listed.length ? { servers: listed } : {}),
  };
}

/** Nova's convert_version_to_int of the kubelet's version: v1.33.1 → 1033001. */
export function hypervisorVersion(node: Node): number {
  const [major = 0, minor = 0, patch = 0] = (/(\d+)\.(\d+)\.(\d+)/.exec(node.status?.nodeInfo?.kubeletVersion ?? '') ?? []).slice(1).map(Number);
  return major * 1_000_000 + minor * 1_000 + patch;
}

function cpuInfo(node: Node, vcpus: number): Record<string, unknown> {
  return { arch: node.status?.nodeInfo?.architecture ?? null, topology: { sockets: 1, cores: vcpus, threads: 1 } };
}

export function hypervisorDetailView(stores: Stores, node: Node, mv: string | undefined, servers?: Server[]): HypervisorDetail {
  const have = capacityOf(node);
  const used = usageOf(stores, node.metadata.name);
  const info = cpuInfo(node, have.vcpus);
  return {
    ...hypervisorSummaryView(node, mv, servers),
    cpu_info: at(mv, 'HYPERVISOR_CPU_INFO_OBJECT') ? info : JSON.stringify(info),
    current_workload: used.workload,
    disk_available_least: have.localGb - used.localGb,
    free_disk_gb: have.localGb - used.localGb,
    free_ram_mb: have.memoryMb - used.memoryMb,
    host_ip: internalIp(node),
    hypervisor_type: node.metadata.annotations?.[KWOK_NODE_ANNOTATION] ? 'kwok' : 'kubelet',
    hypervisor_version: hypervisorVersion(node),
    local_gb: have.localGb,
    local_gb_used: used.localGb,
    memory_mb: have.memoryMb,
    memory_mb_used: used.memoryMb,
    running_vms: used.runningVms,
    service: { disabled_reason: disabledReason(node), host: node.metadata.name, id: idAt(node, 'service', at(mv, 'HOST_UUIDS')) },
    vcpus: have.vcpus,
    vcpus_used: used.vcpus,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Nova answers the host's `uptime` output. A Node tells only since when it has been Ready, so that
 * is the "up" time; users and load averages are unknown and left out rather than made up.
 */
export function uptimeText(node: Node, now: Date = new Date()): string | null {
  const since = readySince(node);
  if (!since) return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
  const [days, hours, mins] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const clock = `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}`;
  return ` ${clock} up ${days ? `${days} day${days === 1 ? '' : 's'}, ` : ''}${pad(hours)}:${pad(mins)}`;
}

/** GET /os-hypervisors/statistics: the sums over every compute node, as compute_node_statistics. */
export function hypervisorStatisticsView(stores: Stores): HypervisorStatistics {
  const details = computeNodes(stores).map((n) => hypervisorDetailView(stores, n, undefined));
  const sum = (pick: (d: HypervisorDetail) => number | null | undefined): number => details.reduce((n, d) => n + (pick(d) ?? 0), 0);
  return {
    count: details.length,
    current_workload: sum((d) => d.current_workload),
    disk_available_least: sum((d) => d.disk_available_least),
    free_disk_gb: sum((d) => d.free_disk_gb),
    free_ram_mb: sum((d) => d.free_ram_mb),
    local_gb: sum((d) => d.local_gb),
    local_gb_used: sum((d) => d.local_gb_used),
    memory_mb: sum((d) => d.memory_mb),
    memory_mb_used: sum((d) => d.memory_mb_used),
    running_vms: sum((d) => d.running_vms),
    vcpus: sum((d) => d.vcpus),
    vcpus_used: sum((d) => d.vcpus_used),
  };
}
