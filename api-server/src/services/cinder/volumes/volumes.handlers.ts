// Volume handlers, as Cinder's volumes controller: create (reads as the checks Cinder makes, in
// its order), list and detail through the shared list query, show, update and delete. The
// operator turns the CR into a claim; the API records only what was asked.
import type { Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import type { Volume, VolumeType } from '../../../../../crds/types.generated.js';
import { isConflict, isNotFound } from '../../../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { runListQuery } from '../../../common/list-query.js';
import { parseBoolQuery } from '../../../common/pagination.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { checkVolumeZone } from '../availability-zones/availability-zones.js';
import { invalidVolume, pathProject, volumeNotFound } from '../cinder.errors.js';
import { checkResourceFilters, countField } from '../cinder.filters.js';
import { nextLinks } from '../cinder.query.js';
import { checkPerVolumeSize, releaseVolumeQuota, snapshotClaimKey, volumeClaim, volumeClaimKey, withVolumeQuota } from '../quotas/quotas.admission.js';
import { defaultVolumeType, findVolumeType, typeIsMultiattach } from '../volume-types/volume-types.access.js';
import { findVolume, liveVolumes, snapshotsOfVolume } from './volumes.access.js';
import type { VolumeAttachment } from './volumes.attachments.js';
import { applyVolumeUpdate, requestedSize, toVolumeSpec, type CreateVolumeRequest } from './volumes.mapper.js';
import { volumeListSpec } from './volumes.query.js';
import type { createVolumeBody, deleteVolumeQuery, listVolumesQuery, updateVolumeBody } from './volumes.schema.js';
import { resolveSource, volumeSizeFor, type ResolvedSource } from './volumes.sources.js';
import { checkCreateVersion, checkUpdateVersion, forceDelete } from './volumes.versions.js';
import { viewContext, volumeBaseView, volumeStatus, volumeSummaryView, volumeView } from './volumes.view.js';

/** The type asked for by name or id, else the source's, else __DEFAULT__. */
function volumeTypeFor(stores: Stores, auth: AuthContext, req: CreateVolumeRequest, source: ResolvedSource): VolumeType {
  if (req.volume_type) return findVolumeType(stores, auth, req.volume_type);
  const inherited = source.typeId ? stores.volumeTypes.get(source.typeId) : undefined;
  return inherited ?? defaultVolumeType(stores);
}

/** A Volume CR in its project's namespace, with the labels every volume carries. */
export function newVolume(id: string, spec: Volume['spec']): Volume {
  const labels = { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: spec.projectId };
  return { ...typeMeta(Resources.Volume), metadata: { name: id, namespace: projectNamespace(spec.projectId), labels }, spec };
}

async function createVolumeCr(stores: Stores, volume: Volume): Promise<Volume> {
  try {
    return await stores.volumes.create(volume);
  } catch (err) {
    if (isNotFound(err)) throw projectNotReady(volume.spec.projectId);
    throw err;
  }
}

/**
 * Creates a volume as Cinder's create does, for the Cinder API and for Nova's boot from volume:
 * the size and source checked, the type resolved, optionally already attached (a boot volume is
 * recorded on its server from the start, as Nova's block device mapping does).
 */
export async function createVolume(stores: Stores, auth: AuthContext, req: CreateVolumeRequest, target: { projectId: string; attachment?: VolumeAttachment }): Promise<Volume> {
  const { projectId, attachment } = target;
  const asked = requestedSize(req.size);
  const source = resolveSource(stores, auth, req, asked);
  const size = volumeSizeFor(asked, source);
  const type = volumeTypeFor(stores, auth, req, source);
  const availabilityZone = checkVolumeZone(stores, req.availability_zone);
  const typeFacts = { id: type.metadata.name, name: type.spec.name, storageClassName: type.spec.storageClassName, multiattach: typeIsMultiattach(type) };
  const spec = toVolumeSpec(req, { projectId, userId: auth.userId, size, type: typeFacts, availabilityZone, source }, new Date());
  checkPerVolumeSize(stores, projectId, size);
  const volume = newVolume(randomUUID(), attachment ? { ...spec, attachments: [attachment] } : spec);
  return withVolumeQuota(stores, projectId, volumeClaim(volume), () => createVolumeCr(stores, volume));
}

export function createVolumeHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createVolumeBody>, object>): Promise<RouteResult> => {
    const projectId = pathProject(ctx.auth, ctx.params.projectId);
    checkCreateVersion(ctx.body.volume, ctx.microversion);
    const made = await createVolume(stores, ctx.auth, ctx.body.volume, { projectId });
    return { body: { volume: volumeBaseView(made, viewContext(ctx)) } };
  };
}

export function listVolumesHandler(stores: Stores, detail: boolean) {
  return async (ctx: RouteContext<undefined, Static<typeof listVolumesQuery>>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    // `GET /volumes/` names a volume with an empty id (Express would route it to the list): a 404.
    if (ctx.req.path.endsWith('/')) throw volumeNotFound('');
    checkResourceFilters(ctx, 'volume');
    const page = runListQuery(volumeListSpec(ctx.microversion), liveVolumes(stores), ctx.query, ctx.auth);
    const href = `${ctx.baseUrl}/volume/v3/${ctx.params.projectId}/volumes${detail ? '/detail' : ''}`;
    const view = detail ? (v: Volume): object => volumeView(v, viewContext(ctx)) : (v: Volume): object => volumeSummaryView(v, ctx.baseUrl);
    return { body: { volumes: page.items.map(view), ...nextLinks('volumes', href, ctx.query, page), ...countField(ctx.query, ctx.microversion, page) } };
  };
}

export function showVolumeHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    return { body: { volume: volumeView(findVolume(stores, ctx.auth, ctx.params.volumeId), viewContext(ctx)) } };
  };
}

export function updateVolumeHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateVolumeBody>, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    checkUpdateVersion(ctx.body.volume, ctx.microversion);
    const found = findVolume(stores, ctx.auth, ctx.params.volumeId);
    const updated = await stores.volumes.update(found.metadata.name, found.metadata.namespace, (cur) => applyVolumeUpdate(cur, ctx.body.volume, new Date()));
    return { body: { volume: volumeBaseView(updated ?? found, viewContext(ctx)) } };
  };
}

const DELETABLE = ['available', 'error', 'error_restoring', 'error_extending', 'error_managing'];
const NOT_DELETABLE = 'Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.';

/** Cinder's delete checks: a deletable status, no attachments, and no snapshots unless cascading (or forced, for the status). */
export function checkDeletable(stores: Stores, v: Volume, opts: { cascade: boolean; force: boolean }): void {
  if (!opts.force && !DELETABLE.includes(volumeStatus(v))) throw invalidVolume(NOT_DELETABLE);
  if ((v.spec.attachments ?? []).length > 0) throw invalidVolume(NOT_DELETABLE);
  if (!opts.cascade && snapshotsOfVolume(stores, v).length > 0) throw invalidVolume(NOT_DELETABLE);
}

/**
 * Deletes the volume, and with cascade its snapshots first, so none outlives it; their quota
 * claims go with them. The checks are
 * made on the live volume and the delete is conditional on its resourceVersion, so an attach that
 * lands in between is not lost with the volume: the delete is retried on what it left.
 */
export async function removeVolume(stores: Stores, v: Volume, opts: { cascade: boolean; force: boolean }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const live = await stores.volumes.update(v.metadata.name, v.metadata.namespace, (cur) => {
      checkDeletable(stores, cur, opts);
      return undefined;
    });
    if (!live) return;
    const snapshots = snapshotsOfVolume(stores, live);
    for (const s of snapshots) await stores.snapshots.delete(s.metadata.name, s.metadata.namespace);
    await releaseVolumeQuota(stores, live.spec.projectId, snapshots.map((s) => snapshotClaimKey(s.metadata.name)));
    try {
      await stores.volumes.delete(live.metadata.name, live.metadata.namespace, { resourceVersion: live.metadata.resourceVersion });
      await releaseVolumeQuota(stores, live.spec.projectId, [volumeClaimKey(live.metadata.name)]);
      return;
    } catch (err) {
      if (!isConflict(err) || attempt >= 5) throw err;
    }
  }
}

export function deleteVolumeHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof deleteVolumeQuery>>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const v = findVolume(stores, ctx.auth, ctx.params.volumeId);
    const force = forceDelete(ctx.query, ctx.microversion, ctx.auth.isAdmin);
    await removeVolume(stores, v, { cascade: parseBoolQuery(ctx.query.cascade) === true, force });
    return {};
  };
}
