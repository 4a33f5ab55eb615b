// createBackup: a snapshot image of the server (as createImage makes it) typed as a backup
// (image_type backup, backup_type), then Nova's rotation: of the server's backups of that type,
// only the `rotation` newest are kept, the older ones deleted. Nova's checks: the snapshot states,
// the lock, and no backups of a volume-backed server (400). The answer is createImage's: 202 with
// the image in Location, or from 2.45 its id in the body.
import { Type, type Static } from '@sinclair/typebox';
import type { Image, Server } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { metadata, strictObject } from '../../../common/parameter-types.js';
import type { AuthContext, RouteResult } from '../../../common/route.js';
import { createServerImage, imageMadeAnswer, type ImageDeps } from './server-actions.image.js';
import { checkUnlocked } from './server-actions.lock.js';
import { checkInstanceState } from './server-actions.power.js';

/** Nova's create_backup schema: a name, a backup type, a rotation of 0 or more, metadata. */
export const createBackupBody = strictObject({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  backup_type: Type.String(),
  rotation: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^[0-9]+$' })]),
  metadata: Type.Optional(metadata),
});
export type CreateBackupBody = Static<typeof createBackupBody>;

const BACKUP_FROM = new Set(['active', 'stopped', 'paused', 'suspended']);

/** The server's backups of a type, newest first (creation, then the image's own write time). */
export function backupsOf(images: Image[], server: Server, backupType: string): Image[] {
  const mine = images.filter((i) => i.spec.properties?.image_type === 'backup' && i.spec.properties.instance_uuid === server.metadata.name && i.spec.properties.backup_type === backupType);
  const stamp = (i: Image): string => `${i.metadata.creationTimestamp ?? ''}|${i.spec.updatedAt ?? ''}`;
  return mine.sort((a, b) => stamp(b).localeCompare(stamp(a)));
}

/** Keeps the `rotation` newest backups, as Nova's _rotate_backups (so 0 keeps none, the new one included). */
async function rotate(deps: ImageDeps, server: Server, made: Image, req: CreateBackupBody): Promise<void> {
  // The cache may not show the new image yet: it is counted all the same.
  const images = [...deps.stores.images.list().filter((i) => i.metadata.name !== made.metadata.name), made];
  for (const old of backupsOf(images, server, req.backup_type).slice(Number(req.rotation))) {
    await deps.stores.images.delete(old.metadata.name).catch(() => undefined);
  }
}

export async function createBackupAction(deps: ImageDeps, caller: { auth: AuthContext; baseUrl: string; microversion?: string }, server: Server, req: CreateBackupBody): Promise<RouteResult> {
  checkUnlocked(server, caller.auth);
  checkInstanceState(server, 'createBackup', BACKUP_FROM);
  if (!server.spec.imageRef) throw badRequest('Backup is not supported for volume-backed instances.');
  const image = await createServerImage(deps, server, { name: req.name, metadata: { ...(req.metadata ?? {}), image_type: 'backup', backup_type: req.backup_type } }, caller.auth);
  await rotate(deps, server, image, req);
  return imageMadeAnswer(caller, image);
}
