// POST /volumes/{id}/action: one handler per action, each making Cinder's state checks before it
// records anything. Admin-only actions (os-reset_status, os-force_delete) are refused to others
// with 403, as Cinder's admin_actions policies default.
import type { Static } from '@sinclair/typebox';
import type { Volume } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, forbidden } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { invalidInput, invalidVolume, pathProject } from '../cinder.errors.js';
import { at } from '../cinder.microversion.js';
import { checkPerVolumeSize, claimVolumeQuota, volumeClaim } from '../quotas/quotas.admission.js';
import { findVolume } from '../volumes/volumes.access.js';
import { attachVolume, connectionInfo, detachVolume } from '../volumes/volumes.attachments.js';
import { removeVolume } from '../volumes/volumes.handlers.js';
import { requestedSize, withTransientStatus } from '../volumes/volumes.mapper.js';
import { volumeStatus } from '../volumes/volumes.view.js';
import type { volumeActionBody } from './volume-actions.schema.js';
import { uploadVolumeToImage } from './volume-actions.upload.js';
import type { ImageDataStore } from '../../glance/image-data/image-data.store.js';

type ActionBody = Static<typeof volumeActionBody>;
type ActionName = keyof ActionBody;
/** Who asks, at which microversion. */
interface Caller {
  auth: AuthContext;
  microversion?: string;
}
type Action = (stores: Stores, v: Volume, body: ActionBody, caller: Caller) => Promise<RouteResult>;

/** True, False, "true", "False"...: Cinder's strutils.bool_from_string, strict. */
function boolFlag(raw: boolean | string, field: string): boolean {
  if (typeof raw === 'boolean') return raw;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
  if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false;
  throw invalidInput(`Invalid value for '${field}': '${raw}'; it must be a boolean.`);
}

/** Writes the spec change, dropping any status the API declared before (the action moves it on). */
async function record(stores: Stores, v: Volume, change: (spec: Volume['spec']) => Volume['spec']): Promise<void> {
  await stores.volumes.update(v.metadata.name, v.metadata.namespace, (cur) => ({ ...cur, spec: { ...change(cur.spec), updatedAt: new Date().toISOString() } }));
}

function requireStatus(v: Volume, allowed: string[], action: string): void {
  const status = volumeStatus(v);
  if (!allowed.includes(status)) throw invalidVolume(`Volume status must be ${allowed.join(' or ')} to ${action}, but current status is: ${status}.`);
}

function requireAdmin(auth: AuthContext, action: string): void {
  if (!auth.isAdmin) throw forbidden(`Policy doesn't allow volume_extension:${action} to be performed.`);
}

/** An available volume; from 3.42 an in-use one too (the claim grows online where the class allows). */
const extend: Action = async (stores, v, body, { microversion }) => {
  requireStatus(v, at(microversion, 'VOLUME_EXTEND_INUSE') ? ['available', 'in-use'] : ['available'], 'extend');
  const newSize = requestedSize(body['os-extend']!.new_size);
  if (newSize === undefined || newSize <= v.spec.size) throw invalidInput(`New size for extend must be greater than current size. (current: ${v.spec.size}, extended: ${newSize ?? 'null'}).`);
  checkPerVolumeSize(stores, v.spec.projectId, newSize);
  // The volume's claim grows to the new size (only the growth is checked); a failed write shrinks it back.
  await claimVolumeQuota(stores, v.spec.projectId, volumeClaim({ ...v, spec: { ...v.spec, size: newSize } }));
  try {
    await record(stores, v, (spec) => ({ ...withTransientStatus(spec, undefined), size: newSize }));
  } catch (err) {
    await claimVolumeQuota(stores, v.spec.projectId, volumeClaim(v)).catch(() => undefined);
    throw err;
  }
  return {};
};

const setBootable: Action = async (stores, v, body) => {
  const bootable = boolFlag(body['os-set_bootable']!.bootable, 'bootable');
  await record(stores, v, (spec) => ({ ...spec, bootable }));
  return { status: 200 };
};

const updateReadonly: Action = async (stores, v, body) => {
  const readOnly = boolFlag(body['os-update_readonly_flag']!.readonly, 'readonly');
  await record(stores, v, (spec) => ({ ...spec, readOnly }));
  return {};
};

const resetStatus: Action = async (stores, v, body, { auth }) => {
  requireAdmin(auth, 'volume_admin_actions:reset_status');
  const req = body['os-reset_status']!;
  if (!req.status && !req.attach_status && req.migration_status === undefined) throw badRequest('Must specify status, attach_status or migration_status.');
  await record(stores, v, (spec) => {
    const next = req.status ? withTransientStatus(spec, req.status) : spec;
    return req.attach_status === 'detached' ? { ...next, attachments: [] } : next;
  });
  return {};
};

const forceDelete: Action = async (stores, v, _body, { auth }) => {
  requireAdmin(auth, 'volume_admin_actions:force_delete');
  await removeVolume(stores, v, { cascade: false, force: true });
  return {};
};

/** os-reserve, os-unreserve, os-begin_detaching, os-roll_detaching: a declared status, from the right one. */
function declare(from: string[], to: Volume['spec']['transientStatus'] | undefined, name: string): Action {
  return async (stores, v) => {
    requireStatus(v, from, name);
    await record(stores, v, (spec) => withTransientStatus(spec, to));
    return {};
  };
}

const attach: Action = async (stores, v, body) => {
  const req = body['os-attach']!;
  if (!req.instance_uuid) throw invalidVolume('os-attach needs an instance_uuid (attaching to a host is not supported).');
  await attachVolume(stores, v, { serverId: req.instance_uuid, device: req.mountpoint, mode: req.mode });
  return {};
};

const detach: Action = async (stores, v, body) => {
  const attachments = v.spec.attachments ?? [];
  const attachmentId = body['os-detach']?.attachment_id ?? (attachments.length === 1 ? attachments[0].id : undefined);
  if (!attachmentId) throw invalidVolume(attachments.length ? 'the volume has several attachments: give attachment_id.' : 'the volume is not attached.');
  await detachVolume(stores, v, { attachmentId });
  return {};
};

const initializeConnection: Action = async (_stores, v) => ({ status: 200, body: { connection_info: connectionInfo(v, v.spec.readOnly ? 'ro' : 'rw') } });

const ACTIONS: Record<Exclude<ActionName, 'os-volume_upload_image'>, Action> = {
  'os-extend': extend,
  'os-set_bootable': setBootable,
  'os-update_readonly_flag': updateReadonly,
  'os-reset_status': resetStatus,
  'os-force_delete': forceDelete,
  'os-reserve': declare(['available'], 'attaching', 'reserve'),
  'os-unreserve': declare(['attaching', 'reserved'], undefined, 'unreserve'),
  'os-begin_detaching': declare(['in-use'], 'detaching', 'begin detaching'),
  'os-roll_detaching': declare(['detaching'], undefined, 'roll detaching'),
  'os-attach': attach,
  'os-detach': detach,
  'os-initialize_connection': initializeConnection,
  'os-terminate_connection': async () => ({}),
};

export function volumeActionHandler(stores: Stores, data: ImageDataStore) {
  return async (ctx: RouteContext<ActionBody, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const v = findVolume(stores, ctx.auth, ctx.params.volumeId);
    const name = Object.keys(ctx.body)[0] as ActionName;
    if (name === 'os-volume_upload_image') return uploadVolumeToImage({ stores, data }, v, ctx.body[name]!, ctx);
    return ACTIONS[name](stores, v, ctx.body, ctx);
  };
}
