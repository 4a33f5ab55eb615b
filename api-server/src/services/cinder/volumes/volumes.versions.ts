// What later microversions change in a volume create, update and delete request: group_id is read
// from 3.13 and backup_id from 3.47 (neither groups nor backups are served, so a value is a 404,
// as Cinder answers an unknown one); from 3.53 the schemas are strict (an unknown key is a 400)
// and an update must change something; from 3.23 an admin's delete may force past the status.
import { badRequest, forbidden, notFound } from '../../../common/errors.js';
import { parseBoolQuery } from '../../../common/pagination.js';
import { at } from '../cinder.microversion.js';
import type { CreateVolumeRequest } from './volumes.mapper.js';

/** Cinder's create_volume_v353 keys. */
const CREATE_KEYS = new Set([
  'name', 'description', 'display_name', 'display_description', 'volume_type', 'metadata', 'snapshot_id', 'source_volid', 'consistencygroup_id',
  'size', 'availability_zone', 'multiattach', 'image_id', 'imageRef', 'group_id', 'backup_id',
]);

export function checkCreateVersion(req: CreateVolumeRequest, mv: string | undefined): void {
  if (at(mv, 'SUPPORT_VOLUME_SCHEMA_CHANGES')) {
    const unknown = Object.keys(req).filter((k) => !CREATE_KEYS.has(k));
    if (unknown.length) throw badRequest(`Invalid input for field/attribute volume. Value: ${JSON.stringify(req)}. Additional properties are not allowed (${unknown.map((k) => `'${k}'`).join(', ')} ${unknown.length > 1 ? 'were' : 'was'} unexpected)`);
  }
  if (at(mv, 'GROUP_VOLUME') && req.group_id) throw notFound(`Group ${req.group_id} could not be found.`);
  if (at(mv, 'VOLUME_CREATE_FROM_BACKUP') && req.backup_id) throw notFound(`Backup ${req.backup_id} could not be found.`);
}

export function checkUpdateVersion(req: object, mv: string | undefined): void {
  if (at(mv, 'SUPPORT_VOLUME_SCHEMA_CHANGES') && Object.keys(req).length === 0) {
    throw badRequest('Invalid input for field/attribute volume. Value: {}. {} does not have enough properties');
  }
}

/** `force=true` on a delete (read from 3.23): the admin-only volume:force_delete; it skips the status check, not the attachments. */
export function forceDelete(query: { force?: unknown }, mv: string | undefined, isAdmin: boolean): boolean {
  if (!at(mv, 'VOLUME_DELETE_FORCE') || parseBoolQuery(query.force) !== true) return false;
  if (!isAdmin) throw forbidden('Policy doesn\'t allow volume:force_delete to be performed.');
  return true;
}
