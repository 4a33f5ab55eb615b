// Nova's migration records, derived from what is kept: each resize, cold migration, live migration
// and evacuation is an InstanceAction (they outlive their server). A resize or cold migration is
// finished by a later confirmResize or revertResize action, and while it is pending the Server
// holds the old flavor; a live migration or evacuation by its action's result. The compute host is
// the server's current one: the node a moved Pod left is not recorded, so source and destination
// are both the host it is on now (null once the server is gone).
import { createHash } from 'node:crypto';
import type { InstanceAction, Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import { at } from '../microversion.js';
import type { MigrationView } from './migrations.schema.js';

/** Nova's ids are integers: a stable 31-bit one from the action's name. */
function migrationId(action: InstanceAction): number {
  return createHash('sha256').update(action.metadata.name).digest().readUInt32BE(0) & 0x7fffffff;
}

/** Its uuid (2.59), name-based on the action's name. */
export function migrationUuid(action: InstanceAction): string {
  const hex = createHash('sha1').update(`migration:${action.metadata.name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Nova's flavors' integer ids; a flavor named by a uuid has none to give. */
const flavorNumber = (ref: string | undefined): number | null => (ref && /^\d+$/.test(ref) ? Number(ref) : null);

const ENDINGS: Record<string, string> = { confirmResize: 'confirmed', revertResize: 'reverted' };
type MigrationType = 'resize' | 'migration' | 'live-migration' | 'evacuation';
/** The actions that move a server, as Nova's migration_type. */
const MOVES: Record<string, MigrationType> = { resize: 'resize', migrate: 'migration', 'live-migration': 'live-migration', evacuate: 'evacuation' };
/** A live migration or evacuation ends with its action: Nova's final statuses for each result. */
const FINISHED: Record<string, Record<string, string>> = { 'live-migration': { Success: 'completed', Error: 'error' }, evacuate: { Success: 'done', Error: 'error' } };
const PENDING: Record<string, string> = { RESIZE: 'migrating', VERIFY_RESIZE: 'finished', REVERT_RESIZE: 'reverting', ERROR: 'error' };

export interface Resize {
  action: InstanceAction;
  ending?: InstanceAction;
  server?: Server;
}

export const migrationTypeOf = (r: Resize): MigrationType => MOVES[r.action.spec.action];

function statusOf(r: Resize): string {
  if (r.action.spec.action in FINISHED) return FINISHED[r.action.spec.action][r.action.status?.result ?? ''] ?? 'running';
  if (r.ending) return ENDINGS[r.ending.spec.action];
  return PENDING[r.server?.status?.status ?? ''] ?? (r.server?.spec.resize ? 'migrating' : 'error');
}

/** The flavors' ids while the resize is pending (the Server holds both); afterwards not kept. */
function flavorIds(r: Resize): [number | null, number | null] {
  const resize = r.ending ? undefined : r.server?.spec.resize;
  return resize ? [flavorNumber(resize.oldFlavorRef), flavorNumber(r.server?.spec.flavorRef)] : [null, null];
}

export function migrationView(r: Resize, mv: string | undefined): MigrationView {
  const host = r.server?.status?.host ?? null;
  const [oldFlavor, newFlavor] = flavorIds(r);
  return {
    id: migrationId(r.action),
    status: statusOf(r),
    instance_uuid: r.action.spec.serverId,
    source_node: host, source_compute: host, dest_node: host, dest_compute: host, dest_host: host,
    old_instance_type_id: oldFlavor,
    new_instance_type_id: newFlavor,
    created_at: isoMicrosNoZone(r.action.spec.startTime),
    updated_at: r.ending ? isoMicrosNoZone(r.ending.spec.startTime) : null,
    ...(at(mv, 'MIGRATION_TYPE') ? { migration_type: migrationTypeOf(r) } : {}),
    ...(at(mv, 'MIGRATION_PAGING') ? { uuid: migrationUuid(r.action) } : {}),
  };
}

/** Every move, newest first, each resize or cold migration with what ended it (the first confirm or revert after it). */
export function resizesOf(stores: Stores): Resize[] {
  const actions = stores.instanceActions.list().sort((a, b) => a.spec.startTime.localeCompare(b.spec.startTime));
  const servers = new Map(stores.servers.list().map((s) => [s.metadata.name, s]));
  return actions.filter((a) => a.spec.action in MOVES).map((action) => {
    const confirmable = action.spec.action === 'resize' || action.spec.action === 'migrate';
    const ending = confirmable ? actions.find((e) => e.spec.serverId === action.spec.serverId && e.spec.startTime >= action.spec.startTime && e.spec.action in ENDINGS) : undefined;
    return { action, ending, server: servers.get(action.spec.serverId) };
  }).reverse();
}
