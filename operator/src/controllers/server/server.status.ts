// The Server's status as a pure function of what is observed: the Server itself, its Pod and the
// Node the Pod runs on. Nova's status/vm_state/task_state/power_state come from an ordered chain
// of checks on the Pod; the first that matches wins.
import { portAddresses, type AttachedPorts } from './server.ports.js';
import type { Server, ServerStatus } from '../../../../crds/types.generated.js';
import { ZONE_LABEL } from '../../../../crds/naming.js';
import { kubeTime } from '../../runtime/clock.js';
import { setConditions, type ConditionInput } from '../../runtime/conditions.js';
import type { Node, Pod } from '../../../../crds/kube-types.js';
import { DEFAULT_AZ, instanceName, isPausedPod, isStaleBoot, macAddress, podBootSerial } from './server.resources.js';
import { awaitingConfirmation, booting, inRescue, BOOTS, isOffline, isReadyRunning, isStarting, isUnschedulable, notReady, OFFLINE, pendingBoot, podCondition, Reason, type Observed, type Phase, type Status } from './server.phase.js';

export { Reason } from './server.phase.js';

export const NETWORK_NAME = 'private';
export const NO_VALID_HOST = 'No valid host was found. There are not enough hosts available.';

type Fault = NonNullable<ServerStatus['fault']>;
type Addresses = NonNullable<ServerStatus['addresses']>;

/** A permanent problem that keeps the server from being built; shown as ERROR with a fault. */
export interface Problem {
  reason: string;
  code: number;
  message: string;
  details?: string;
}

const RULES: ((o: Observed) => Phase | undefined)[] = [
  // An admin's os-resetState error: vm_state error whatever the guest does, until an action clears it.
  function resetToError({ server, prev }) {
    if (server.spec.resetState !== 'error') return undefined;
    return { status: 'ERROR', vmState: 'error', taskState: null, powerState: prev.powerState ?? 'NOSTATE', ready: notReady(Reason.ResetToError, 'An admin reset the server\'s state to error') };
  },
  function offline({ server, pod, prev }) {
    if (!isOffline(server)) return undefined;
    const o = OFFLINE[server.spec.powerState];
    if (!pod) return { status: o.status, vmState: o.vmState, taskState: null, powerState: o.powerState, ready: notReady(o.reason, o.message) };
    const status = prev.status === o.status ? o.status : 'ACTIVE';
    return { status, vmState: prev.vmState ?? 'active', taskState: o.going, powerState: prev.powerState ?? 'RUNNING', ready: notReady(o.goingReason, o.goingMessage) };
  },
  function rebooting({ server, pod, prev }) {
    const boot = pendingBoot(server, prev);
    const fresh = pod && !pod.metadata.deletionTimestamp && !isStaleBoot(server, pod) ? pod : undefined;
    if (!boot || (fresh && !isStarting(fresh))) return undefined;
    const b = BOOTS[boot.kind];
    return { status: b.status, vmState: b.vmState, taskState: b.taskState, powerState: b.powerState, ready: notReady(b.reason, b.message) };
  },
  function absent(o) {
    return !o.pod || o.pod.metadata.deletionTimestamp ? booting(o, 'scheduling', 'Waiting for the pod to be created') : undefined;
  },
  function failed({ pod }) {
    const phase = pod?.status?.phase;
    if (!pod || (phase !== 'Failed' && phase !== 'Succeeded')) return undefined;
    const details = [pod.status?.reason, pod.status?.message].filter(Boolean).join(': ');
    const message = `Pod ${pod.metadata.name} terminated`;
    const fault = { code: 500, message, ...(details ? { details } : {}) };
    const powerState = phase === 'Failed' ? 'CRASHED' : 'SHUTDOWN';
    return { status: 'ERROR', vmState: 'error', taskState: null, powerState, fault, ready: notReady(Reason.PodFailed, message) };
  },
  function unschedulable({ pod }) {
    if (!pod || !isUnschedulable(pod)) return undefined;
    const c = podCondition(pod, 'PodScheduled')!;
    const fault = { code: 500, message: NO_VALID_HOST, ...(c.message ? { details: c.message } : {}) };
    const ready = notReady(Reason.Unschedulable, c.message || NO_VALID_HOST);
    return { status: 'ERROR', vmState: 'error', taskState: null, powerState: 'NOSTATE', fault, ready };
  },
  function paused({ server, pod }) {
    if (pod?.status?.phase !== 'Running') return undefined;
    const want = server.spec.powerState === 'Paused';
    const is = isPausedPod(pod);
    if (!want && !is) return undefined;
    const ready = notReady(Reason.Paused, 'Server is paused');
    if (!is) return { status: 'ACTIVE', vmState: 'active', taskState: 'pausing', powerState: 'RUNNING', ready };
    return { status: 'PAUSED', vmState: 'paused', taskState: want ? null : 'unpausing', powerState: 'PAUSED', ready };
  },
  function running({ pod, prev }) {
    if (pod?.status?.phase !== 'Running') return undefined;
    if (podCondition(pod, 'Ready')?.status === 'True') {
      return { status: 'ACTIVE', vmState: 'active', taskState: null, powerState: 'RUNNING', ready: { status: 'True', reason: Reason.PodRunning, message: 'Pod is running and ready' } };
    }
    if (!prev.launchedAt) return undefined;
    const ready = notReady(Reason.PodNotReady, 'Pod is running but not ready');
    return { status: 'ACTIVE', vmState: 'active', taskState: null, powerState: 'CRASHED', ready };
  },
  function scheduled(o) {
    const node = o.pod?.spec.nodeName;
    return node ? booting(o, 'spawning', `Pod is scheduled to node ${node}; waiting for it to become ready`) : undefined;
  },
  (o) => booting(o, 'scheduling', 'Waiting for the pod to be scheduled'),
];

function observePhase(o: Observed): Phase {
  for (const rule of RULES) {
    const phase = rule(o);
    if (phase) return inRescue(o.server, awaitingConfirmation(o.server, phase));
  }
  throw new Error('unreachable: the last rule always matches');
}

/** Where the server runs: host, hypervisor and zone from the pod's node; the request before that. */
function placement(server: Server, pod: Pod | undefined, node: Node | undefined): Partial<ServerStatus> {
  const host = pod?.metadata.deletionTimestamp ? undefined : pod?.spec.nodeName;
  const requested = server.spec.availabilityZone;
  if (!host) return requested ? { availabilityZone: requested } : {};
  const zone = node?.metadata.name === host ? node.metadata.labels?.[ZONE_LABEL] : undefined;
  return { host, hypervisorHostname: host, availabilityZone: zone ?? DEFAULT_AZ };
}

function network(server: Server, pod: Pod | undefined, attached: AttachedPorts | undefined): Partial<ServerStatus> {
  // With Neutron ports, the addresses are the ports' (known before the Pod runs, as in Nova).
  if (attached) return portAddresses(attached);
  const ip = pod?.metadata.deletionTimestamp ? undefined : pod?.status?.podIP;
  if (!ip || server.spec.networkMode === 'none') return {};
  const addresses: Addresses = {
    [NETWORK_NAME]: [{ version: ip.includes(':') ? 6 : 4, addr: ip, type: 'fixed', macAddr: macAddress(server.metadata.name) }],
  };
  return { addresses, networks: `${NETWORK_NAME}=${ip}` };
}

/**
 * Whether a server with no live Pod on a node keeps where it ran: while it powers off or suspends (its Pod
 * terminating), while it is shut off or suspended, and while it reboots or is rebuilt. Its next Pod
 * prefers that host, so losing it in any of these steps would start the server elsewhere.
 */
const PLACEMENT_KEPT = new Set<Status>(['SHUTOFF', 'SUSPENDED', 'REBOOT', 'HARD_REBOOT', 'REBUILD', 'RESIZE', 'REVERT_RESIZE', 'VERIFY_RESIZE', 'RESCUE', 'MIGRATING', 'SHELVED_OFFLOADED']);
const TASKS_KEEPING_PLACEMENT = new Set(['powering-off', 'suspending', 'shelving_offloading', 'rescuing']);

function keepsPlacement(phase: Phase): boolean {
  return PLACEMENT_KEPT.has(phase.status) || TASKS_KEEPING_PLACEMENT.has(phase.taskState ?? '');
}

/**
 * The boot the server has completed: the ready Pod's; or, with no Pod to boot (stopped or
 * suspended), the one asked for, as Nova rebuilds a stopped server's disk without starting it.
 */
function bootSerial(server: Server, phase: Phase, live: Pod | undefined, prev: ServerStatus): number | undefined {
  if (live && isReadyRunning(live) && !phase.fault) return podBootSerial(live) || prev.bootSerial;
  if (!live && isOffline(server) && server.spec.boot) return server.spec.boot.serial;
  return prev.bootSerial;
}

/**
 * A stopped server keeps its host and addresses, as Nova's do while shut off; an offloaded one
 * (shelved) keeps its zone and addresses (its ports stay) but has no host.
 */
function carried(prev: ServerStatus, phase: Phase): Partial<ServerStatus> {
  const { host, hypervisorHostname, availabilityZone, addresses, networks } = prev;
  if (phase.status === 'SHELVED_OFFLOADED') return { availabilityZone, addresses, networks };
  return { host, hypervisorHostname, availabilityZone, addresses, networks };
}

function withCreated(fault: Omit<Fault, 'created'>, prev: Fault | undefined, now: Date): Fault {
  const same = prev && prev.code === fault.code && prev.message === fault.message;
  return { ...fault, created: same && prev.created ? prev.created : kubeTime(now) };
}

function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

function assemble(server: Server, phase: Phase, extra: Partial<ServerStatus>, now: Date): ServerStatus {
  const prev = server.status ?? {};
  const generation = server.metadata.generation;
  const synced: ConditionInput = phase.syncError
    ? { type: 'Synced', status: 'False', reason: Reason.ReconcileError, message: phase.syncError, observedGeneration: generation }
    : { type: 'Synced', status: 'True', reason: Reason.ReconcileSuccess, message: 'Reconciled', observedGeneration: generation };
  return compact<ServerStatus>({
    status: phase.status,
    vmState: phase.vmState,
    // Omitted rather than null, so kubectl prints <none> in the Task State column.
    taskState: phase.taskState ?? undefined,
    powerState: phase.powerState,
    ...extra,
    instanceName: instanceName(server.metadata.name),
    launchedAt: phase.status === 'ACTIVE' ? (prev.launchedAt ?? kubeTime(now)) : prev.launchedAt,
    fault: phase.fault ? withCreated(phase.fault, prev.fault, now) : undefined,
    observedGeneration: generation,
    conditions: setConditions(prev.conditions, [{ type: 'Ready', ...phase.ready, observedGeneration: generation }, synced], now),
  });
}

/** The status a Server should have, given its Pod (if any), that Pod's Node (if known) and its Neutron ports. */
/** What the operator observed of a server's world: its Pod, that Pod's Node, its Neutron ports. */
export interface ServerWorld {
  pod?: Pod;
  node?: Node;
  attached?: AttachedPorts;
}

export function computeServerStatus(server: Server, { pod, node, attached }: ServerWorld, now: Date = new Date()): ServerStatus {
  const prev = server.status ?? {};
  if (server.metadata.deletionTimestamp) return deletingStatus(server, now);
  const phase = observePhase({ server, pod, prev });
  const live = pod && !pod.metadata.deletionTimestamp ? pod : undefined;
  const extra = !live?.spec.nodeName && keepsPlacement(phase) ? carried(prev, phase) : { ...placement(server, live, node), ...network(server, live, attached) };
  return assemble(server, phase, { ...extra, podName: live?.metadata.name, bootSerial: bootSerial(server, phase, live, prev) }, now);
}

/**
 * Whether writing next over a Server that has no status yet would tell no reader anything: such a
 * Server already reads as BUILD/scheduling (the API's default view), so the first status write
 * waits until the Pod says more (scheduled to a host, ACTIVE, ERROR). Under load, when the Pod is
 * Running and Ready by the time it is first seen, BUILD and ACTIVE become one write.
 */
export function isImplicitStatus(prev: ServerStatus | undefined, next: ServerStatus): boolean {
  return prev === undefined && next.status === 'BUILD' && next.taskState === 'scheduling' && next.fault === undefined;
}

/**
 * A first BUILD status younger than this is not written: a Pod that starts promptly takes the
 * server from no status straight to ACTIVE in one write (B1 counts every write), while one that
 * stays pending (an image pull, a full cluster) still shows BUILD on its host after a second.
 */
export const BUILD_SETTLE_MS = 1_000;

/** How long to hold back a first BUILD status whose Pod we created podAgeMs ago; undefined: write now. */
export function buildWriteDelay(prev: ServerStatus | undefined, next: ServerStatus, podAgeMs: number | undefined): number | undefined {
  if (prev !== undefined || next.status !== 'BUILD' || next.fault !== undefined) return undefined;
  if (podAgeMs === undefined || podAgeMs >= BUILD_SETTLE_MS) return undefined;
  return BUILD_SETTLE_MS - podAgeMs;
}

/** While the server is being deleted: everything as it was, with task_state "deleting". */
export function deletingStatus(server: Server, now: Date = new Date()): ServerStatus {
  const prev = server.status ?? {};
  const generation = server.metadata.generation;
  const ready: ConditionInput = { type: 'Ready', ...notReady(Reason.Deleting, 'Server is being deleted'), observedGeneration: generation };
  return { ...prev, status: prev.status ?? 'BUILD', taskState: 'deleting', observedGeneration: generation, conditions: setConditions(prev.conditions, [ready], now) };
}

/** ERROR with a Nova-style fault for a problem that retrying cannot fix (a missing flavor...). */
export function problemStatus(server: Server, problem: Problem, now: Date = new Date()): ServerStatus {
  const fault = { code: problem.code, message: problem.message, ...(problem.details ? { details: problem.details } : {}) };
  const ready = notReady(problem.reason, problem.message);
  const phase: Phase = { status: 'ERROR', vmState: 'error', taskState: null, powerState: 'NOSTATE', fault, ready, syncError: problem.message };
  return assemble(server, phase, {}, now);
}
