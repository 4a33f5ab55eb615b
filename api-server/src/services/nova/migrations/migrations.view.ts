// Nova's migration records, derived from what is kept: each resize is an InstanceAction 'resize'
// (they outlive their server), finished by a later confirmResize or revertResize action; while it
// is pending, the Server holds the old flavor. Only resizes exist here (cold and live migration and
// evacuation are not served), so only migration_type 'resize' appears. The compute host is the
// server's current one: a resize replaces the Pod, and the node it left is not recorded, so
// source and destination are both the host it is on now (null once the server is gone).
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

/** Nova's flavors' integer ids; a flavor named by a uuid has none to give. */
const flavorNumber = (ref: string | undefined): number | null => (ref && /^\d+$/.test(ref) ? Number(ref) : null);

const ENDINGS: Record<string, string> = { confirmResize: 'confirmed', revertResize: 'reverted' };
const PENDING: Record<string, string> = { RESIZE: 'migrating', VERIFY_RESIZE: 'finished', REVERT_RESIZE: 'reverting', ERROR: 'error' };

interface Resize {
  action: InstanceAction;
  ending?: InstanceAction;
  server?: Server;
}

function statusOf(r: Resize): string {
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
    ...(at(mv, 'MIGRATION_TYPE') ? { migration_type: 'resize' as const } : {}),
  };
}

/** Every resize, newest first, each with what ended it (the first confirm or revert after it). */
export function resizesOf(stores: Stores): Resize[] {
  const actions = stores.instanceActions.list().sort((a, b) => a.spec.startTime.localeCompare(b.spec.startTime));
  const servers = new Map(stores.servers.list().map((s) => [s.metadata.name, s]));
  return actions.filter((a) => a.spec.action === 'resize').map((action) => {
    const ending = actions.find((e) => e.spec.serverId === action.spec.serverId && e.spec.startTime >= action.spec.startTime && e.spec.action in ENDINGS && e !== action);
    return { action, ending, server: servers.get(action.spec.serverId) };
  }).reverse();
}
