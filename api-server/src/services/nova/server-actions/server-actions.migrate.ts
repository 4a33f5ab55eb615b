// migrate, os-migrateLive and evacuate (admin, as Nova's os-migrate-server and os-evacuate
// defaults): each asks for a new boot whose Pod must leave the server's host (spec.migration),
// for the host named when one is. A cold migration is a resize to the same flavor, so it waits in
// VERIFY_RESIZE for confirmResize or revertResize (which comes back to the source host); a live
// migration shows MIGRATING until its Pod is up elsewhere; an evacuation (its host must be down)
// rebuilds it elsewhere. A move no node can take is rolled back by the operator as Nova leaves it.
import { randomBytes } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, forbidden } from '../../../common/errors.js';
import { atLeast } from '../../../common/microversion.js';
import { strictObject } from '../../../common/parameter-types.js';
import type { AuthContext, RouteResult } from '../../../common/route.js';
import { isUp } from '../hypervisors/hypervisors.hosts.js';
import { nextBoot } from './server-actions.boot.js';
import { checkInstanceState, guardedChange } from './server-actions.power.js';

const host = Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()]);
/** Nova's migrate body: null, or from 2.56 a target host. */
export const migrateBody = Type.Union([Type.Null(), strictObject({ host: Type.Optional(host) })]);
/** Nova's os-migrateLive body, every version's keys (disk_over_commit to 2.24, force 2.30 to 2.67). */
export const liveMigrateBody = strictObject({
  host: Type.Optional(host),
  block_migration: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
  disk_over_commit: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
  force: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
});
/** Nova's evacuate body (onSharedStorage to 2.13). */
export const evacuateBody = strictObject({ host: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })), adminPass: Type.Optional(Type.String()), onSharedStorage: Type.Optional(Type.Union([Type.Boolean(), Type.String()])) });
export type MigrateBody = Static<typeof migrateBody>;
export type LiveMigrateBody = Static<typeof liveMigrateBody>;
export type EvacuateBody = Static<typeof evacuateBody>;

type Kind = NonNullable<Server['spec']['migration']>['kind'];
const MOVES: Record<Kind, { verb: string; policy: string; from: ReadonlySet<string>; boot: NonNullable<Server['spec']['boot']>['kind'] }> = {
  Cold: { verb: 'migrate', policy: 'os-migrate-server:migrate', from: new Set(['active', 'stopped']), boot: 'Migrate' },
  Live: { verb: 'os-migrateLive', policy: 'os-migrate-server:migrate_live', from: new Set(['active', 'paused']), boot: 'LiveMigrate' },
  Evacuate: { verb: 'evacuate', policy: 'os-evacuate', from: new Set(['active', 'stopped', 'error']), boot: 'Evacuate' },
};

/** The target host, checked as Nova checks it: an existing compute host other than the server's own. */
function checkTarget(stores: Stores, server: Server, target: string | null | undefined): string | undefined {
  if (!target) return undefined;
  if (!stores.nodes.get(target)) throw badRequest(`Compute host ${target} could not be found.`);
  if (target === server.status?.host) throw badRequest(`Unable to migrate instance (${server.metadata.name}) to current host (${target}).`);
  return target;
}

async function move(stores: Stores, auth: AuthContext, server: Server, to: { kind: Kind; target: string | undefined }): Promise<void> {
  const { kind, target } = to;
  const m = MOVES[kind];
  if (!auth.isAdmin) throw forbidden(`Policy doesn't allow os_compute_api:${m.policy} to be performed.`);
  await guardedChange(stores, auth, server, (cur) => {
    checkInstanceState(cur, m.verb, m.from);
    const fromHost = cur.status?.host;
    if (!fromHost) throw conflict(`Instance ${cur.metadata.name} is not ready`);
    const boot = nextBoot(cur, m.boot);
    const resize = kind === 'Cold' ? { resize: { oldFlavorRef: cur.spec.flavorRef } } : {};
    return { ...cur.spec, ...resize, boot, migration: { kind, serial: boot.serial, fromHost, ...(target ? { toHost: target } : {}) } };
  });
}

export async function migrateServer(stores: Stores, ctx: { auth: AuthContext; microversion?: string }, server: Server, body: MigrateBody): Promise<void> {
  if (body?.host !== undefined && !atLeast(ctx.microversion, '2.56')) throw badRequest("Invalid input for field/attribute migrate. Value: Additional properties are not allowed ('host' was unexpected)");
  await move(stores, ctx.auth, server, { kind: 'Cold', target: checkTarget(stores, server, body?.host) });
}

export async function liveMigrateServer(stores: Stores, auth: AuthContext, server: Server, body: LiveMigrateBody): Promise<void> {
  await move(stores, auth, server, { kind: 'Live', target: checkTarget(stores, server, body.host) });
}

/** 200 with the new admin password below 2.14, as Nova answers; its host must be down first. */
export async function evacuateServer(stores: Stores, ctx: { auth: AuthContext; microversion?: string }, server: Server, body: EvacuateBody): Promise<RouteResult> {
  const source = server.status?.host ? stores.nodes.get(server.status.host) : undefined;
  if (ctx.auth.isAdmin && source && isUp(source)) throw badRequest(`Compute service of ${source.metadata.name} is still in use.`);
  await move(stores, ctx.auth, server, { kind: 'Evacuate', target: checkTarget(stores, server, body.host) });
  return atLeast(ctx.microversion, '2.14') ? { status: 200 } : { status: 200, body: { adminPass: body.adminPass ?? randomBytes(9).toString('base64url') } };
}
