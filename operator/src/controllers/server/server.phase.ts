// The phases a server passes through, as Nova names them: the condition reasons, the Pod
// predicates the status chain asks, and what each server action looks like while the operator
// realizes it (the power states without a Pod, a boot in progress, a resize awaiting
// confirmation). Pure data and predicates; server.status.ts chains them.
import type { Server, ServerStatus } from '../../../../crds/types.generated.js';
import type { ConditionInput } from '../../runtime/conditions.js';
import type { Pod } from '../../../../crds/kube-types.js';

type Fault = NonNullable<ServerStatus['fault']>;

export const Reason = {
  PodPending: 'PodPending',
  PodRunning: 'PodRunning',
  PodNotReady: 'PodNotReady',
  PodFailed: 'PodFailed',
  Unschedulable: 'Unschedulable',
  Deleting: 'Deleting',
  Stopping: 'Stopping',
  Stopped: 'Stopped',
  Suspending: 'Suspending',
  Suspended: 'Suspended',
  Shelving: 'Shelving',
  Shelved: 'Shelved',
  Paused: 'Paused',
  Rebooting: 'Rebooting',
  Rebuilding: 'Rebuilding',
  Resizing: 'Resizing',
  ResizeToConfirm: 'ResizeToConfirm',
  Rescuing: 'Rescuing',
  ResetToError: 'ResetToError',
  Migrating: 'Migrating',
  Rescued: 'Rescued',
  FlavorNotFound: 'FlavorNotFound',
  ImageNotFound: 'ImageNotFound',
  PodConflict: 'PodConflict',
  NamespaceNotOwned: 'NamespaceNotOwned',
  ReconcileSuccess: 'ReconcileSuccess',
  ReconcileError: 'ReconcileError',
} as const;

export interface Phase {
  status: NonNullable<ServerStatus['status']>;
  vmState: string;
  taskState: string | null;
  powerState: NonNullable<ServerStatus['powerState']>;
  ready: Omit<ConditionInput, 'type'>;
  fault?: Omit<Fault, 'created'>;
  /** Set when reconciling failed for good: Synced=False with this message. */
  syncError?: string;
}

export interface Observed {
  server: Server;
  pod: Pod | undefined;
  prev: ServerStatus;
}

export const notReady = (reason: string, message: string): Phase['ready'] => ({ status: 'False', reason, message });

export function podCondition(pod: Pod, type: string): { status: string; reason?: string; message?: string } | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

export type Status = Phase['status'];
export type PowerState = Phase['powerState'];

/** A server that comes back from a state without a Pod shows that state, with Nova's task, until its Pod is ready. */
export const COMING_BACK: Record<string, { status: Status; taskState: string; powerState: PowerState }> = {
  stopped: { status: 'SHUTOFF', taskState: 'powering-on', powerState: 'SHUTDOWN' },
  suspended: { status: 'SUSPENDED', taskState: 'resuming', powerState: 'SUSPENDED' },
  shelved_offloaded: { status: 'SHELVED_OFFLOADED', taskState: 'spawning', powerState: 'SHUTDOWN' },
};

/** Waiting for a pod: BUILD for a new server; SHUTOFF powering-on (SUSPENDED resuming) for one started (resumed) again. */
export function booting(o: Observed, taskState: string, message: string): Phase {
  const back = COMING_BACK[o.prev.vmState ?? ''];
  if (back) return { ...back, vmState: o.prev.vmState!, ready: notReady(Reason.PodPending, message) };
  return { status: 'BUILD', vmState: 'building', taskState, powerState: 'NOSTATE', ready: notReady(Reason.PodPending, message) };
}

/** The power states without a Pod: what the server shows once its Pod is gone, and while it goes. */
export const OFFLINE = {
  Stopped: { status: 'SHUTOFF', vmState: 'stopped', powerState: 'SHUTDOWN', reason: Reason.Stopped, message: 'Server is stopped', going: 'powering-off', goingReason: Reason.Stopping, goingMessage: 'Server is powering off' },
  Suspended: { status: 'SUSPENDED', vmState: 'suspended', powerState: 'SUSPENDED', reason: Reason.Suspended, message: 'Server is suspended', going: 'suspending', goingReason: Reason.Suspending, goingMessage: 'Server is suspending' },
  Shelved: { status: 'SHELVED_OFFLOADED', vmState: 'shelved_offloaded', powerState: 'SHUTDOWN', reason: Reason.Shelved, message: 'Server is shelved and offloaded', going: 'shelving_offloading', goingReason: Reason.Shelving, goingMessage: 'Server is being shelved' },
} as const satisfies Record<string, { status: Status; vmState: string; powerState: PowerState; reason: string; message: string; going: string; goingReason: string; goingMessage: string }>;

/** A reboot or rebuild in progress, as Nova shows it until the guest is up again. */
export const BOOTS = {
  SoftReboot: { status: 'REBOOT', vmState: 'active', taskState: 'reboot_started', powerState: 'RUNNING', reason: Reason.Rebooting, message: 'Server is rebooting' },
  HardReboot: { status: 'HARD_REBOOT', vmState: 'active', taskState: 'reboot_started_hard', powerState: 'RUNNING', reason: Reason.Rebooting, message: 'Server is rebooting (hard)' },
  Rebuild: { status: 'REBUILD', vmState: 'active', taskState: 'rebuild_spawning', powerState: 'NOSTATE', reason: Reason.Rebuilding, message: 'Server is being rebuilt' },
  Resize: { status: 'RESIZE', vmState: 'active', taskState: 'resize_migrating', powerState: 'RUNNING', reason: Reason.Resizing, message: 'Server is being resized' },
  RevertResize: { status: 'REVERT_RESIZE', vmState: 'resized', taskState: 'resize_reverting', powerState: 'RUNNING', reason: Reason.Resizing, message: 'Server resize is being reverted' },
  // Nova's status map shows a rescue in progress as ACTIVE (vm_state active) and an unrescue as RESCUE.
  Rescue: { status: 'ACTIVE', vmState: 'active', taskState: 'rescuing', powerState: 'RUNNING', reason: Reason.Rescuing, message: 'Server is booting its rescue image' },
  Unrescue: { status: 'RESCUE', vmState: 'rescued', taskState: 'unrescuing', powerState: 'RUNNING', reason: Reason.Rescuing, message: 'Server is booting its own image again' },
  // A resize no node could take: Nova never moved the guest, so it reads ACTIVE with no task.
  ResizeRollback: { status: 'ACTIVE', vmState: 'active', taskState: null, powerState: 'RUNNING', reason: Reason.Resizing, message: 'No valid host for the new flavor: the server is booting on its old flavor again' },
  // Cold migration is a resize to the same flavor on another host; live migration keeps it ACTIVE
  // in Nova's MIGRATING; evacuation rebuilds it elsewhere.
  Migrate: { status: 'RESIZE', vmState: 'active', taskState: 'resize_migrating', powerState: 'RUNNING', reason: Reason.Migrating, message: 'Server is being migrated to another host' },
  LiveMigrate: { status: 'MIGRATING', vmState: 'active', taskState: 'migrating', powerState: 'RUNNING', reason: Reason.Migrating, message: 'Server is being live-migrated to another host' },
  // trigger_crash_dump: Nova changes no state; the guest panics on the NMI, dumps and boots again.
  CrashDump: { status: 'ACTIVE', vmState: 'active', taskState: null, powerState: 'RUNNING', reason: Reason.Rebooting, message: 'Server is booting again after a crash dump' },
  Evacuate: { status: 'REBUILD', vmState: 'active', taskState: 'rebuild_spawning', powerState: 'NOSTATE', reason: Reason.Migrating, message: 'Server is being evacuated from its host' },
} as const satisfies Record<NonNullable<Server['spec']['boot']>['kind'], { status: Status; vmState: string; taskState: string | null; powerState: PowerState; reason: string; message: string }>;

export const isOffline = (server: Server): server is Server & { spec: { powerState: keyof typeof OFFLINE } } => Object.hasOwn(OFFLINE, server.spec.powerState ?? '');

export const isReadyRunning = (pod: Pod): boolean => pod.status?.phase === 'Running' && podCondition(pod, 'Ready')?.status === 'True';
export const isUnschedulable = (pod: Pod): boolean => podCondition(pod, 'PodScheduled')?.status === 'False' && podCondition(pod, 'PodScheduled')?.reason === 'Unschedulable';

/** A Pod on its way up: pending somewhere it fits, or running and not ready yet (a failure or a full cluster is no longer a reboot). */
export function isStarting(pod: Pod): boolean {
  const phase = pod.status?.phase ?? 'Pending';
  return (phase === 'Pending' && !isUnschedulable(pod)) || (phase === 'Running' && !isReadyRunning(pod));
}

/** The boot the spec asks for and no ready Pod has yet answered, if any. */
export function pendingBoot(server: Server, prev: ServerStatus): NonNullable<Server['spec']['boot']> | undefined {
  const boot = server.spec.boot;
  return boot && boot.serial > (prev.bootSerial ?? 0) ? boot : undefined;
}

/** A rescued server whose rescue Pod is up shows RESCUE until it is unrescued. */
export function inRescue(server: Server, phase: Phase): Phase {
  if (!server.spec.rescue || phase.taskState || phase.status !== 'ACTIVE') return phase;
  return { ...phase, status: 'RESCUE', vmState: 'rescued', ready: notReady(Reason.Rescued, 'Server is running its rescue image; unrescue it to boot its own') };
}

/** A resized server that has settled (running, or stopped) waits for confirmResize or revertResize. */
export function awaitingConfirmation(server: Server, phase: Phase): Phase {
  if (!server.spec.resize || phase.taskState || (phase.status !== 'ACTIVE' && phase.status !== 'SHUTOFF')) return phase;
  return { ...phase, status: 'VERIFY_RESIZE', vmState: 'resized', ready: notReady(Reason.ResizeToConfirm, 'Server is resized; confirm or revert the resize') };
}
