// CR -> Nova server bodies at microversion 2.1, exactly the keys Tempest's schemas allow (the
// return types are the response schemas' own, so a key outside them does not compile).
import { createHash } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import { isoMicrosNoZone, isoSeconds } from '../../../common/time.js';
import { novaLinks } from '../links.js';
import type { summaryEntry } from '../nova.schema.js';
import type { createServerResponse, serverDetail } from './servers.schema.js';

type ServerDetail = Static<typeof serverDetail>;

const POWER_STATES = { NOSTATE: 0, RUNNING: 1, PAUSED: 3, SHUTDOWN: 4, CRASHED: 6, SUSPENDED: 7 } as const;
const PROGRESS_STATUSES = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);

export function serverLinks(base: string, id: string): { rel: string; href: string }[] {
  return novaLinks(base, 'servers', id);
}

export function serverSummaryView(base: string, s: Server): Static<typeof summaryEntry> {
  return { id: s.metadata.name, name: s.spec.name, links: serverLinks(base, s.metadata.name) };
}

/** The 202 body of a create: the first server's id and links, and its admin password. */
export function serverCreatedView(base: string, s: Server, adminPass: string): Static<typeof createServerResponse> {
  return {
    server: {
      id: s.metadata.name,
      links: serverLinks(base, s.metadata.name),
      'OS-DCF:diskConfig': 'MANUAL',
      security_groups: (s.spec.securityGroups ?? []).map((name) => ({ name })),
      adminPass,
    },
  };
}

/** Nova's hostId: an opaque per-project hash of the host, so tenants cannot learn host names. */
export function hostId(projectId: string, host: string | undefined): string {
  return host ? createHash('sha224').update(projectId + host).digest('hex') : '';
}

/** The last time anything about the server changed that Nova would report as `updated`. */
export function updatedAt(s: Server): string {
  const times = (s.status?.conditions ?? []).map((c) => c.lastTransitionTime);
  const latest = [s.metadata.creationTimestamp ?? new Date().toISOString(), ...times].sort().pop()!;
  return isoSeconds(latest);
}

/** The addresses as version and addr alone (Nova's ips view, and its show view without extend_address). */
export function plainAddresses(s: Server): Record<string, { version: number; addr: string }[]> {
  return Object.fromEntries(Object.entries(addresses(s)).map(([net, list]) => [net, list.map((a) => ({ version: a.version, addr: a.addr }))]));
}

export function addresses(s: Server): ServerDetail['addresses'] {
  const out: ServerDetail['addresses'] = {};
  for (const [net, addrs] of Object.entries(s.status?.addresses ?? {})) {
    out[net] = addrs.map((a) => ({
      version: a.version === 6 ? 6 : 4,
      addr: a.addr,
      'OS-EXT-IPS:type': a.type ?? 'fixed',
      // Tempest checks the MAC's shape when present: leave it out rather than send "".
      ...(a.macAddr ? { 'OS-EXT-IPS-MAC:mac_addr': a.macAddr } : {}),
    }));
  }
  return out;
}

/** Nova reports a deleting server's status as it was, with task_state deleting. */
type PendingAction = { status?: string; taskState: string | null };

/** A reboot or rebuild asked and not yet taken up: Nova's status and task right after its 202. */
const BOOT_PENDING: Record<NonNullable<Server['spec']['boot']>['kind'], PendingAction> = {
  SoftReboot: { status: 'REBOOT', taskState: 'reboot_pending' },
  HardReboot: { status: 'HARD_REBOOT', taskState: 'reboot_pending_hard' },
  Rebuild: { status: 'REBUILD', taskState: 'rebuilding' },
  Resize: { status: 'RESIZE', taskState: 'resize_prep' },
  RevertResize: { status: 'REVERT_RESIZE', taskState: 'resize_reverting' },
  // Nova's status map keeps the vm_state's status while rescuing (ACTIVE, or SHUTOFF).
  Rescue: { taskState: 'rescuing' },
  Unrescue: { status: 'RESCUE', taskState: 'unrescuing' },
  // The operator's own boot after a resize no node could take: Nova's server reads ACTIVE, no task.
  ResizeRollback: { status: 'ACTIVE', taskState: null },
  Migrate: { status: 'RESIZE', taskState: 'resize_prep' },
  LiveMigrate: { status: 'MIGRATING', taskState: 'migrating' },
  Evacuate: { status: 'REBUILD', taskState: 'rebuilding' },
  // Nova sets no task for trigger_crash_dump: the status stays what it was.
  CrashDump: { taskState: null },
};

/** The boots whose pending status Nova shows on a stopped server too (its _STATE_MAP for vm_state stopped). */
const STOPPED_SHOWS_STATUS = new Set<NonNullable<Server['spec']['boot']>['kind']>(['Resize', 'Rebuild', 'Migrate', 'Evacuate']);

/** The task a wanted power state sets, by the status the server still shows. */
const POWER_PENDING: Record<NonNullable<Server['spec']['powerState']>, Record<string, string>> = {
  Running: { SHUTOFF: 'powering-on', PAUSED: 'unpausing', SUSPENDED: 'resuming', SHELVED_OFFLOADED: 'unshelving' },
  Stopped: { ACTIVE: 'powering-off', PAUSED: 'powering-off', SUSPENDED: 'powering-off' },
  Paused: { ACTIVE: 'pausing' },
  Suspended: { ACTIVE: 'suspending' },
  Shelved: { ACTIVE: 'shelving', SHUTOFF: 'shelving', PAUSED: 'shelving', SUSPENDED: 'shelving' },
};

/**
 * An action the API has recorded in the spec and the operator has not yet taken up. It shows at
 * once, as Nova sets the task (and, for a reboot or rebuild, the status) before it answers 202.
 */
function pendingAction(s: Server): PendingAction | undefined {
  const want = s.spec.powerState ?? 'Running';
  const boot = s.spec.boot;
  if (boot && boot.serial > (s.status?.bootSerial ?? 0)) {
    const pending = BOOT_PENDING[boot.kind];
    // A stopped server's rebuild or resize leaves it stopped; Nova's status map still shows
    // stopped + resize_prep as RESIZE and stopped + rebuilding as REBUILD.
    return want === 'Running' || STOPPED_SHOWS_STATUS.has(boot.kind) ? pending : { taskState: pending.taskState };
  }
  const task = POWER_PENDING[want][s.status?.status ?? 'BUILD'];
  return task ? { taskState: task } : undefined;
}

/**
 * An admin's os-resetState, shown at once as Nova's database write is: error is ERROR/error until
 * an action clears it; an ERROR the operator derived from a reset that was since taken back reads
 * ACTIVE/active until the operator catches up.
 */
function resetOverride(s: Server): { status: string; vmState: string } | undefined {
  if (s.spec.resetState === 'error') return { status: 'ERROR', vmState: 'error' };
  const ready = s.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.reason === 'ResetToError' ? { status: 'ACTIVE', vmState: 'active' } : undefined;
}

/** Nova's vm_state: the operator's, or what an admin's reset just wrote. */
export function effectiveVmState(s: Server): string {
  return resetOverride(s)?.vmState ?? s.status?.vmState ?? 'building';
}

export function displayStatus(s: Server): string {
  const reset = resetOverride(s);
  if (reset) return reset.status;
  return (s.status?.taskState ? undefined : pendingAction(s)?.status) ?? s.status?.status ?? 'BUILD';
}

/** Nova's task_state: the operator's, else that of an action the API recorded and the operator has not yet taken up. */
export function serverTaskState(s: Server): string | null {
  if (s.metadata.deletionTimestamp) return 'deleting';
  if (s.status?.taskState) return s.status.taskState;
  const pending = pendingAction(s);
  if (pending) return pending.taskState;
  return displayStatus(s) === 'BUILD' ? 'scheduling' : null;
}

type Fault = NonNullable<NonNullable<Server['status']>['fault']>;

function faultOf(f: Fault): NonNullable<ServerDetail['fault']> {
  return { code: f.code, message: f.message, created: isoSeconds(f.created ?? new Date()), ...(f.details ? { details: f.details } : {}) };
}

function statusFields(s: Server): Partial<ServerDetail> {
  const st = s.status ?? {};
  const status = displayStatus(s);
  return {
    status,
    'OS-EXT-STS:vm_state': effectiveVmState(s),
    'OS-EXT-STS:task_state': serverTaskState(s),
    'OS-EXT-STS:power_state': POWER_STATES[st.powerState ?? 'NOSTATE'] ?? 0,
    'OS-SRV-USG:launched_at': st.launchedAt ? isoMicrosNoZone(st.launchedAt) : null,
    'OS-SRV-USG:terminated_at': null,
    ...(PROGRESS_STATUSES.has(status) ? { progress: status === 'ACTIVE' ? 100 : 0 } : {}),
    ...(status === 'ERROR' && st.fault ? { fault: faultOf(st.fault) } : {}),
  };
}

function adminFields(s: Server): Partial<ServerDetail> {
  return {
    'OS-EXT-SRV-ATTR:host': s.status?.host ?? null,
    'OS-EXT-SRV-ATTR:hypervisor_hostname': s.status?.hypervisorHostname ?? null,
    'OS-EXT-SRV-ATTR:instance_name': s.status?.instanceName ?? '',
  };
}

function imageRefOf(base: string, s: Server): ServerDetail['image'] {
  // A server booted from a volume has no image: Nova reports "".
  return s.spec.imageRef ? { id: s.spec.imageRef, links: [{ rel: 'bookmark', href: `${base}/compute/images/${s.spec.imageRef}` }] } : '';
}

function optionalDetail(s: Server): Partial<ServerDetail> {
  return {
    accessIPv4: s.spec.accessIPv4 ?? '',
    accessIPv6: s.spec.accessIPv6 ?? '',
    'OS-EXT-AZ:availability_zone': s.status?.availabilityZone ?? s.spec.availabilityZone ?? '',
    config_drive: s.spec.configDrive ? 'True' : '',
    key_name: s.spec.keyName ?? null,
    security_groups: (s.spec.securityGroups ?? []).map((name) => ({ name })),
  };
}

/** The full server (GET /servers/{id} and /servers/detail) with its attached volumes; admins also see where it runs. */
export function serverView(base: string, s: Server, isAdmin: boolean, attachedVolumeIds: string[] = []): ServerDetail {
  const id = s.metadata.name;
  return {
    id,
    name: s.spec.name,
    status: displayStatus(s),
    tenant_id: s.spec.projectId,
    user_id: s.spec.userId,
    metadata: s.spec.metadata ?? {},
    hostId: hostId(s.spec.projectId, s.status?.host),
    image: imageRefOf(base, s),
    flavor: { id: s.spec.flavorRef, links: [{ rel: 'bookmark', href: `${base}/compute/flavors/${s.spec.flavorRef}` }] },
    created: isoSeconds(s.metadata.creationTimestamp ?? new Date()),
    updated: updatedAt(s),
    addresses: addresses(s),
    links: serverLinks(base, id),
    'OS-DCF:diskConfig': 'MANUAL',
    'os-extended-volumes:volumes_attached': attachedVolumeIds.map((id) => ({ id })),
    ...optionalDetail(s),
    ...statusFields(s),
    ...(isAdmin ? adminFields(s) : {}),
  };
}
