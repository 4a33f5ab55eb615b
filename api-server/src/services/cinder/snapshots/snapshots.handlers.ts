// Snapshot handlers, as Cinder's snapshots controller: create (of an available volume, or an
// in-use one with force), list and detail, show, update and delete. The operator decides what
// the snapshot becomes on the cluster and writes its status.
import type { Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import type { Snapshot } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { runListQuery } from '../../../common/list-query.js';
import { parseBoolQuery } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { invalidVolume, pathProject, snapshotNotFound } from '../cinder.errors.js';
import { checkResourceFilters, countField } from '../cinder.filters.js';
import { nextLinks } from '../cinder.query.js';
import { releaseVolumeQuota, snapshotClaim, snapshotClaimKey, withVolumeQuota } from '../quotas/quotas.admission.js';
import { findVolume } from '../volumes/volumes.access.js';
import { namedFields } from '../volumes/volumes.mapper.js';
import { volumeStatus } from '../volumes/volumes.view.js';
import { findSnapshot, snapshotListSpec } from './snapshots.access.js';
import type { createSnapshotBody, listSnapshotsQuery, updateSnapshotBody } from './snapshots.schema.js';
import { snapshotDetailView, snapshotStatus, snapshotVersionedView, snapshotView } from './snapshots.view.js';

export function createSnapshotHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createSnapshotBody>, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const req = ctx.body.snapshot;
    const volume = findVolume(stores, ctx.auth, req.volume_id ?? 'None');
    const force = typeof req.force === 'string' ? parseBoolQuery(req.force) === true : req.force === true;
    const status = volumeStatus(volume);
    if (status !== 'available' && !(force && status === 'in-use')) throw invalidVolume(`Volume ${volume.metadata.name} status must be available, but current status is: ${status}.`);
    const { clear: _clear, ...named } = namedFields(req);
    const snap: Snapshot = {
      ...typeMeta(Resources.Snapshot),
      metadata: { name: randomUUID(), namespace: volume.metadata.namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: volume.spec.projectId } },
      spec: { projectId: volume.spec.projectId, userId: ctx.auth.userId, volumeId: volume.metadata.name, size: volume.spec.size, ...named, metadata: { ...(req.metadata ?? {}) }, updatedAt: new Date().toISOString() },
    };
    const made = await withVolumeQuota(stores, snap.spec.projectId, snapshotClaim(snap, volume.spec.volumeTypeName), () => stores.snapshots.create(snap));
    return { body: { snapshot: snapshotVersionedView(made, ctx.microversion) } };
  };
}

export function listSnapshotsHandler(stores: Stores, detail: boolean) {
  return async (ctx: RouteContext<undefined, Static<typeof listSnapshotsQuery>>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    if (ctx.req.path.endsWith('/')) throw snapshotNotFound('');
    checkResourceFilters(ctx, 'snapshot');
    const page = runListQuery(snapshotListSpec(ctx.microversion), stores.snapshots.list(), ctx.query, ctx.auth);
    const href = `${ctx.baseUrl}/volume/v3/${ctx.params.projectId}/snapshots${detail ? '/detail' : ''}`;
    return { body: { snapshots: page.items.map((s) => (detail ? snapshotDetailView(s, ctx.microversion) : snapshotView(s))), ...nextLinks('snapshots', href, ctx.query, page), ...countField(ctx.query, ctx.microversion, page) } };
  };
}

export function showSnapshotHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    return { body: { snapshot: snapshotDetailView(findSnapshot(stores, ctx.auth, ctx.params.snapshotId), ctx.microversion) } };
  };
}

export function updateSnapshotHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateSnapshotBody>, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const found = findSnapshot(stores, ctx.auth, ctx.params.snapshotId);
    const { clear, ...named } = namedFields(ctx.body.snapshot);
    const updated = await stores.snapshots.update(found.metadata.name, found.metadata.namespace, (cur) => {
      const spec = { ...cur.spec, ...named, updatedAt: new Date().toISOString() };
      for (const key of clear) delete (spec as Record<string, unknown>)[key];
      return { ...cur, spec };
    });
    return { body: { snapshot: snapshotVersionedView(updated ?? found, ctx.microversion) } };
  };
}

const DELETABLE = ['available', 'error', 'error_deleting'];

export function deleteSnapshotHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const s = findSnapshot(stores, ctx.auth, ctx.params.snapshotId);
    const status = snapshotStatus(s);
    if (!DELETABLE.includes(status)) throw invalidVolume(`Snapshot status must be available or error and must not be part of a group, but current status is: ${status}.`);
    await stores.snapshots.delete(s.metadata.name, s.metadata.namespace);
    await releaseVolumeQuota(stores, s.spec.projectId, [snapshotClaimKey(s.metadata.name)]);
    return {};
  };
}
