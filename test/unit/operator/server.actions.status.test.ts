// The state transitions of Nova's server actions as the operator realizes them: for each action,
// what the server shows while its Pod goes, comes back or is replaced, and once it has settled.
import assert from 'node:assert/strict';
import type { Server, ServerStatus } from '../../../crds/types.generated.js';
import { computeServerStatus, NO_VALID_HOST, Reason } from '../../../operator/src/controllers/server/server.status.js';
import { ANNOTATION_POWER_STATE } from '../../../operator/src/controllers/server/server.resources.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import type { Pod } from '../../../crds/kube-types.js';
import { NOW, pod, server } from './fixtures.js';

type Want = Pick<ServerStatus, 'status' | 'vmState' | 'taskState' | 'powerState'> & { ready: string; bootSerial?: number };

interface Case {
  name: string;
  server: Server;
  pod?: (s: Server) => Pod | undefined;
  want: Want;
  check?: (st: ServerStatus) => void;
}

const active: ServerStatus = { status: 'ACTIVE', vmState: 'active', powerState: 'RUNNING', launchedAt: '2024-04-01T00:00:00Z', host: 'node-1', addresses: { private: [{ version: 4, addr: '10.0.1.7' }] }, networks: 'private=10.0.1.7' };
const stopped: ServerStatus = { ...active, status: 'SHUTOFF', vmState: 'stopped', powerState: 'SHUTDOWN' };
const paused: ServerStatus = { ...active, status: 'PAUSED', vmState: 'paused', powerState: 'PAUSED' };
const suspended: ServerStatus = { ...active, status: 'SUSPENDED', vmState: 'suspended', powerState: 'SUSPENDED' };
const offloaded: ServerStatus = { status: 'SHELVED_OFFLOADED', vmState: 'shelved_offloaded', powerState: 'SHUTDOWN', launchedAt: active.launchedAt, addresses: active.addresses, networks: active.networks };

const softReboot = { serial: 1, kind: 'SoftReboot' } as const;
const hardReboot = { serial: 1, kind: 'HardReboot' } as const;
const rebuild = { serial: 1, kind: 'Rebuild' } as const;
const resize = { serial: 1, kind: 'Resize' } as const;
const rescue = { serial: 1, kind: 'Rescue' } as const;
const migrate = { serial: 1, kind: 'Migrate' } as const;

/** The Pod of the boot before: made for the server as it was before the action. */
const oldPod = () => (s: Server) => pod({ ...s, spec: { ...s.spec, boot: undefined, powerState: 'Running' } }, 'running');
const terminating = (p: Pod): Pod => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: '2024-05-01T09:59:59Z' } });
const markedPaused = (p: Pod): Pod => ({ ...p, metadata: { ...p.metadata, annotations: { ...p.metadata.annotations, [ANNOTATION_POWER_STATE]: 'paused' } } });
const hostKept = (st: ServerStatus) => {
  assert.equal(st.host, 'node-1');
  assert.equal(st.networks, 'private=10.0.1.7');
};

const cases: Case[] = [
  // reboot SOFT / HARD: the Pod is replaced; REBOOT or HARD_REBOOT until the new one is ready.
  { name: 'When a soft reboot is asked and the old Pod still runs, then REBOOT/reboot_started', server: { ...server({ boot: softReboot }), status: active }, pod: oldPod(), want: { status: 'REBOOT', vmState: 'active', taskState: 'reboot_started', powerState: 'RUNNING', ready: Reason.Rebooting } },
  { name: 'When a hard reboot is asked and the old Pod is terminating, then HARD_REBOOT/reboot_started_hard', server: { ...server({ boot: hardReboot }), status: active }, pod: (s) => terminating(oldPod()(s)), want: { status: 'HARD_REBOOT', vmState: 'active', taskState: 'reboot_started_hard', powerState: 'RUNNING', ready: Reason.Rebooting } },
  { name: 'When a reboot has no Pod yet, then REBOOT (not BUILD)', server: { ...server({ boot: softReboot }), status: active }, pod: () => undefined, want: { status: 'REBOOT', vmState: 'active', taskState: 'reboot_started', powerState: 'RUNNING', ready: Reason.Rebooting } },
  { name: 'When the rebooted Pod is scheduled and not ready, then still REBOOT', server: { ...server({ boot: softReboot }), status: active }, pod: (s) => pod(s, 'scheduled'), want: { status: 'REBOOT', vmState: 'active', taskState: 'reboot_started', powerState: 'RUNNING', ready: Reason.Rebooting } },
  { name: 'When the rebooted Pod is ready, then ACTIVE with the boot recorded as done', server: { ...server({ boot: softReboot }), status: active }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, bootSerial: 1 } },
  {
    name: 'When the rebooted Pod cannot be scheduled, then ERROR with "No valid host", not REBOOT forever',
    server: { ...server({ boot: hardReboot }), status: active }, pod: (s) => pod(s, 'unschedulable'),
    want: { status: 'ERROR', vmState: 'error', taskState: undefined, powerState: 'NOSTATE', ready: Reason.Unschedulable },
    check: (st) => assert.equal(st.fault?.message, NO_VALID_HOST),
  },
  { name: 'When a stopped server is hard rebooted, then HARD_REBOOT until its Pod is ready (Nova powers it on)', server: { ...server({ boot: hardReboot }), status: stopped }, pod: () => undefined, want: { status: 'HARD_REBOOT', vmState: 'active', taskState: 'reboot_started_hard', powerState: 'RUNNING', ready: Reason.Rebooting } },
  { name: 'When a reboot was done before, then a later Pod restart is no reboot', server: { ...server({ boot: softReboot }), status: { ...active, bootSerial: 1 } }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, bootSerial: 1 } },
  // rebuild: the Pod is replaced with the new image; REBUILD meanwhile; a stopped server stays stopped.
  { name: 'When a rebuild is asked and the new Pod is pending, then REBUILD/rebuild_spawning', server: { ...server({ boot: rebuild, imageRef: 'img2' }), status: active }, pod: (s) => pod(s, 'scheduled'), want: { status: 'REBUILD', vmState: 'active', taskState: 'rebuild_spawning', powerState: 'NOSTATE', ready: Reason.Rebuilding } },
  { name: 'When a stopped server is rebuilt, then it stays SHUTOFF and the rebuild is done (no Pod to boot)', server: { ...server({ boot: rebuild, powerState: 'Stopped' }), status: stopped }, pod: () => undefined, want: { status: 'SHUTOFF', vmState: 'stopped', taskState: undefined, powerState: 'SHUTDOWN', ready: Reason.Stopped, bootSerial: 1 }, check: hostKept },
  // pause / unpause: the Pod stays, marked paused.
  { name: 'When a pause is asked and the Pod is not marked yet, then ACTIVE/pausing', server: { ...server({ powerState: 'Paused' }), status: active }, pod: oldPod(), want: { status: 'ACTIVE', vmState: 'active', taskState: 'pausing', powerState: 'RUNNING', ready: Reason.Paused } },
  { name: 'When the Pod is marked paused, then PAUSED/paused/PAUSED, on its host', server: { ...server({ powerState: 'Paused' }), status: active }, pod: (s) => markedPaused(pod(s, 'running')), want: { status: 'PAUSED', vmState: 'paused', taskState: undefined, powerState: 'PAUSED', ready: Reason.Paused }, check: (st) => assert.equal(st.host, 'node-1') },
  { name: 'When an unpause is asked and the Pod is still marked, then PAUSED/unpausing', server: { ...server({ powerState: 'Running' }), status: paused }, pod: (s) => markedPaused(pod(s, 'running')), want: { status: 'PAUSED', vmState: 'paused', taskState: 'unpausing', powerState: 'PAUSED', ready: Reason.Paused } },
  { name: 'When the unpaused Pod is unmarked, then ACTIVE again', server: { ...server({ powerState: 'Running' }), status: paused }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning } },
  // suspend / resume: the Pod goes (the guest's memory is on disk) and the host is kept.
  { name: 'When a suspend is asked and the Pod still runs, then ACTIVE/suspending', server: { ...server({ powerState: 'Suspended' }), status: active }, pod: oldPod(), want: { status: 'ACTIVE', vmState: 'active', taskState: 'suspending', powerState: 'RUNNING', ready: Reason.Suspending } },
  { name: 'When the suspending Pod is terminating, then still ACTIVE/suspending on its host', server: { ...server({ powerState: 'Suspended' }), status: active }, pod: (s) => terminating(pod(s, 'running')), want: { status: 'ACTIVE', vmState: 'active', taskState: 'suspending', powerState: 'RUNNING', ready: Reason.Suspending }, check: hostKept },
  { name: 'When the suspended server has no Pod, then SUSPENDED/suspended/SUSPENDED keeping host and addresses', server: { ...server({ powerState: 'Suspended' }), status: active }, pod: () => undefined, want: { status: 'SUSPENDED', vmState: 'suspended', taskState: undefined, powerState: 'SUSPENDED', ready: Reason.Suspended }, check: hostKept },
  { name: 'When a resume is asked and the Pod is pending, then SUSPENDED/resuming', server: { ...server({ powerState: 'Running' }), status: suspended }, pod: (s) => pod(s, 'scheduled'), want: { status: 'SUSPENDED', vmState: 'suspended', taskState: 'resuming', powerState: 'SUSPENDED', ready: Reason.PodPending } },
  { name: 'When the resumed Pod is ready, then ACTIVE', server: { ...server({ powerState: 'Running' }), status: suspended }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning } },
  // shelve / unshelve: offloaded at once (Nova's shelved_offload_time 0): no Pod, no host; unshelved anywhere.
  { name: 'When a shelve is asked and the Pod still runs, then ACTIVE/shelving_offloading', server: { ...server({ powerState: 'Shelved' }), status: active }, pod: oldPod(), want: { status: 'ACTIVE', vmState: 'active', taskState: 'shelving_offloading', powerState: 'RUNNING', ready: Reason.Shelving } },
  {
    name: 'When the shelved server has no Pod, then SHELVED_OFFLOADED with no host, keeping its zone and addresses',
    server: { ...server({ powerState: 'Shelved' }), status: { ...active, hypervisorHostname: 'node-1', availabilityZone: 'az1' } }, pod: () => undefined,
    want: { status: 'SHELVED_OFFLOADED', vmState: 'shelved_offloaded', taskState: undefined, powerState: 'SHUTDOWN', ready: Reason.Shelved },
    check: (st) => {
      assert.equal(st.host, undefined);
      assert.equal(st.hypervisorHostname, undefined);
      assert.equal(st.availabilityZone, 'az1');
      assert.equal(st.networks, 'private=10.0.1.7');
    },
  },
  { name: 'When an unshelve is asked and the Pod is not scheduled yet, then SHELVED_OFFLOADED/spawning with no host', server: { ...server({ powerState: 'Running' }), status: offloaded }, pod: (s) => pod(s, 'pending'), want: { status: 'SHELVED_OFFLOADED', vmState: 'shelved_offloaded', taskState: 'spawning', powerState: 'SHUTDOWN', ready: Reason.PodPending }, check: (st) => assert.equal(st.host, undefined) },
  { name: 'When the unshelved Pod is ready on another node, then ACTIVE there', server: { ...server({ powerState: 'Running' }), status: offloaded }, pod: (s) => pod(s, 'running', 'node-2'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning }, check: (st) => assert.equal(st.host, 'node-2') },
  // resize / confirm / revert: the Pod is replaced with the new flavor's; VERIFY_RESIZE until confirmed or reverted.
  { name: 'When a resize is asked and the old Pod still runs, then RESIZE/resize_migrating', server: { ...server({ flavorRef: 'f2', resize: { oldFlavorRef: 'f1' }, boot: resize }), status: active }, pod: oldPod(), want: { status: 'RESIZE', vmState: 'active', taskState: 'resize_migrating', powerState: 'RUNNING', ready: Reason.Resizing }, check: hostKept },
  { name: 'When the resized Pod is ready, then VERIFY_RESIZE/resized with no task', server: { ...server({ flavorRef: 'f2', resize: { oldFlavorRef: 'f1' }, boot: resize }), status: active }, pod: (s) => pod(s, 'running'), want: { status: 'VERIFY_RESIZE', vmState: 'resized', taskState: undefined, powerState: 'RUNNING', ready: Reason.ResizeToConfirm, bootSerial: 1 } },
  { name: 'When a stopped server is resized, then VERIFY_RESIZE at once, still shut down', server: { ...server({ flavorRef: 'f2', resize: { oldFlavorRef: 'f1' }, boot: resize, powerState: 'Stopped' }), status: stopped }, pod: () => undefined, want: { status: 'VERIFY_RESIZE', vmState: 'resized', taskState: undefined, powerState: 'SHUTDOWN', ready: Reason.ResizeToConfirm, bootSerial: 1 } },
  { name: 'When the resize is confirmed, then ACTIVE on the new flavor\'s Pod', server: { ...server({ flavorRef: 'f2', boot: resize }), status: { ...active, status: 'VERIFY_RESIZE', vmState: 'resized', bootSerial: 1 } }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, bootSerial: 1 } },
  { name: 'When the resize is reverted and the old flavor\'s Pod is not ready yet, then REVERT_RESIZE/resize_reverting', server: { ...server({ flavorRef: 'f1', boot: { serial: 2, kind: 'RevertResize' } }), status: { ...active, status: 'VERIFY_RESIZE', vmState: 'resized', bootSerial: 1 } }, pod: (s) => pod(s, 'scheduled'), want: { status: 'REVERT_RESIZE', vmState: 'resized', taskState: 'resize_reverting', powerState: 'RUNNING', ready: Reason.Resizing, bootSerial: 1 } },
  { name: 'When the reverted Pod is ready, then ACTIVE again', server: { ...server({ flavorRef: 'f1', boot: { serial: 2, kind: 'RevertResize' } }), status: { ...active, status: 'REVERT_RESIZE', vmState: 'resized', bootSerial: 1 } }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, bootSerial: 2 } },
  // rescue / unrescue: a new boot on the rescue image; RESCUE until unrescue boots the server's own image.
  { name: 'When a rescue is asked and the old Pod still runs, then ACTIVE/rescuing on its host', server: { ...server({ rescue: {}, boot: rescue }), status: active }, pod: oldPod(), want: { status: 'ACTIVE', vmState: 'active', taskState: 'rescuing', powerState: 'RUNNING', ready: Reason.Rescuing }, check: hostKept },
  { name: 'When the old Pod is gone and the rescue Pod not made yet, then still rescuing on the host', server: { ...server({ rescue: {}, boot: rescue }), status: active }, pod: () => undefined, want: { status: 'ACTIVE', vmState: 'active', taskState: 'rescuing', powerState: 'RUNNING', ready: Reason.Rescuing }, check: hostKept },
  { name: 'When the rescue Pod is ready, then RESCUE/rescued with no task', server: { ...server({ rescue: { imageRef: 'img-r' }, boot: rescue }), status: active }, pod: (s) => pod(s, 'running'), want: { status: 'RESCUE', vmState: 'rescued', taskState: undefined, powerState: 'RUNNING', ready: Reason.Rescued, bootSerial: 1 } },
  { name: 'When an unrescue is asked and the rescue Pod still runs, then RESCUE/unrescuing', server: { ...server({ boot: { serial: 2, kind: 'Unrescue' } }), status: { ...active, status: 'RESCUE', vmState: 'rescued', bootSerial: 1 } }, pod: (s) => pod({ ...s, spec: { ...s.spec, rescue: {}, boot: rescue } }, 'running'), want: { status: 'RESCUE', vmState: 'rescued', taskState: 'unrescuing', powerState: 'RUNNING', ready: Reason.Rescuing, bootSerial: 1 } },
  { name: 'When the unrescued Pod is ready, then ACTIVE again', server: { ...server({ boot: { serial: 2, kind: 'Unrescue' } }), status: { ...active, status: 'RESCUE', vmState: 'rescued', bootSerial: 1 } }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, bootSerial: 2 } },
  // migrate / live migration / evacuate: a new boot whose Pod must leave the host; the host shown stays the old one until then.
  { name: 'When a cold migration is asked and the old Pod still runs, then RESIZE/resize_migrating on the old host', server: { ...server({ resize: { oldFlavorRef: 'f1' }, boot: migrate, migration: { kind: 'Cold', serial: 1, fromHost: 'node-1' } }), status: active }, pod: oldPod(), want: { status: 'RESIZE', vmState: 'active', taskState: 'resize_migrating', powerState: 'RUNNING', ready: Reason.Migrating }, check: hostKept },
  { name: 'When the migrated Pod is ready on another node, then VERIFY_RESIZE there', server: { ...server({ resize: { oldFlavorRef: 'f1' }, boot: migrate, migration: { kind: 'Cold', serial: 1, fromHost: 'node-1' } }), status: active }, pod: (s) => pod(s, 'running', 'node-2'), want: { status: 'VERIFY_RESIZE', vmState: 'resized', taskState: undefined, powerState: 'RUNNING', ready: Reason.ResizeToConfirm, bootSerial: 1 }, check: (st) => assert.equal(st.host, 'node-2') },
  { name: 'When a live migration\'s Pod is not up yet, then MIGRATING/migrating on the old host', server: { ...server({ boot: { serial: 1, kind: 'LiveMigrate' }, migration: { kind: 'Live', serial: 1, fromHost: 'node-1' } }), status: active }, pod: () => undefined, want: { status: 'MIGRATING', vmState: 'active', taskState: 'migrating', powerState: 'RUNNING', ready: Reason.Migrating }, check: hostKept },
  { name: 'When the live-migrated Pod is ready, then ACTIVE on the new node, no confirmation', server: { ...server({ boot: { serial: 1, kind: 'LiveMigrate' }, migration: { kind: 'Live', serial: 1, fromHost: 'node-1' } }), status: active }, pod: (s) => pod(s, 'running', 'node-2'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning, bootSerial: 1 } },
  { name: 'When an evacuation\'s Pod is not up yet, then REBUILD/rebuild_spawning', server: { ...server({ boot: { serial: 1, kind: 'Evacuate' }, migration: { kind: 'Evacuate', serial: 1, fromHost: 'node-1' } }), status: active }, pod: () => undefined, want: { status: 'REBUILD', vmState: 'active', taskState: 'rebuild_spawning', powerState: 'NOSTATE', ready: Reason.Migrating } },
  { name: 'When a crash dump\'s Pod is not up yet, then still ACTIVE with no task (Nova changes no state)', server: { ...server({ boot: { serial: 1, kind: 'CrashDump' } }), status: active }, pod: () => undefined, want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.Rebooting } },
  // os-resetState error: ERROR over a running Pod (left alone), host kept; cleared, ACTIVE again.
  { name: 'When an admin resets a running server to error, then ERROR with its power state and host, the Pod left running', server: { ...server({ resetState: 'error' }), status: active }, pod: (s) => pod(s, 'running'), want: { status: 'ERROR', vmState: 'error', taskState: undefined, powerState: 'RUNNING', ready: Reason.ResetToError }, check: hostKept },
  { name: 'When the reset is taken back, then ACTIVE again', server: { ...server({}), status: { ...active, status: 'ERROR', vmState: 'error' } }, pod: (s) => pod(s, 'running'), want: { status: 'ACTIVE', vmState: 'active', taskState: undefined, powerState: 'RUNNING', ready: Reason.PodRunning } },
];

describe('computeServerStatus for server actions', () => {
  for (const c of cases) {
    it(c.name, () => {
      const st = computeServerStatus(c.server, { pod: c.pod?.(c.server) }, NOW);
      const { status, vmState, taskState, powerState, bootSerial } = st;
      const ready = findCondition(st.conditions, 'Ready')?.reason;
      assert.deepEqual({ status, vmState, taskState, powerState, ready, bootSerial }, { bootSerial: undefined, ...c.want });
      c.check?.(st);
    });
  }
});
