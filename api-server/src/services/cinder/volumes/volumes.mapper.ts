// Where Cinder's snake_case request fields meet the Volume CR's camelCase spec: the size as
// Cinder parses it, name and description with their display_* aliases, and updates.
import type { Static } from '@sinclair/typebox';
import type { Volume, VolumeSpec } from '../../../../../crds/types.generated.js';
import { invalidInput } from '../cinder.errors.js';
import type { createVolumeBody, updateVolumeBody, volumeSize } from './volumes.schema.js';

export type CreateVolumeRequest = Static<typeof createVolumeBody>['volume'];
type UpdateVolumeRequest = Static<typeof updateVolumeBody>['volume'];

/** Cinder's largest size: a signed 32-bit integer of GiB. */
const MAX_SIZE_GIB = 2 ** 31 - 1;

/** The requested size in GiB, or undefined to take the source's; 0, negatives and junk are 400s. */
export function requestedSize(raw: Static<typeof volumeSize> | undefined): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const n = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SIZE_GIB) {
    throw invalidInput(`Invalid input for field/attribute size. Value: ${String(raw)}. It must be an integer between 1 and ${MAX_SIZE_GIB}.`);
  }
  return n;
}

/** The name and description fields a request sets (null clears), display_* being the v1 aliases. */
export function namedFields(req: UpdateVolumeRequest | CreateVolumeRequest): Partial<Pick<VolumeSpec, 'name' | 'description'>> & { clear: string[] } {
  const out: Partial<Pick<VolumeSpec, 'name' | 'description'>> & { clear: string[] } = { clear: [] };
  const name = req.name !== undefined ? req.name : req.display_name;
  const description = req.description !== undefined ? req.description : req.display_description;
  if (name === null) out.clear.push('name');
  else if (name !== undefined) out.name = name;
  if (description === null) out.clear.push('description');
  else if (description !== undefined) out.description = description;
  return out;
}

export interface VolumeSource {
  snapshotId?: string;
  sourceVolid?: string;
  imageId?: string;
  imageMetadata?: Record<string, string>;
  bootable?: boolean;
}

export interface NewVolumeFacts {
  projectId: string;
  userId: string;
  size: number;
  type: { id: string; name: string; storageClassName?: string; multiattach: boolean };
  availabilityZone: string;
  source: VolumeSource;
}

export function toVolumeSpec(req: CreateVolumeRequest, f: NewVolumeFacts, now: Date): VolumeSpec {
  const { clear: _clear, ...named } = namedFields(req);
  return {
    projectId: f.projectId,
    userId: f.userId,
    ...named,
    size: f.size,
    volumeTypeId: f.type.id,
    volumeTypeName: f.type.name,
    ...(f.type.storageClassName ? { storageClassName: f.type.storageClassName } : {}),
    availabilityZone: f.availabilityZone,
    metadata: { ...(req.metadata ?? {}) },
    bootable: f.source.bootable === true,
    multiattach: f.type.multiattach || req.multiattach === true,
    ...(f.source.snapshotId ? { snapshotId: f.source.snapshotId } : {}),
    ...(f.source.sourceVolid ? { sourceVolid: f.source.sourceVolid } : {}),
    ...(f.source.imageId ? { imageId: f.source.imageId, imageMetadata: f.source.imageMetadata ?? {} } : {}),
    attachments: [],
    updatedAt: now.toISOString(),
  };
}

export function applyVolumeUpdate(v: Volume, req: UpdateVolumeRequest, now: Date): Volume {
  const { clear, ...named } = namedFields(req);
  const spec: VolumeSpec = { ...v.spec, ...named, updatedAt: now.toISOString() };
  for (const key of clear) delete (spec as unknown as Record<string, unknown>)[key];
  if (req.metadata !== undefined) spec.metadata = { ...(req.metadata ?? {}) };
  return { ...v, spec };
}

/** The spec with the status the API declares (os-reserve, os-reset_status...), or none: an action that moves the volume on clears it. */
export function withTransientStatus(spec: VolumeSpec, status?: VolumeSpec['transientStatus']): VolumeSpec {
  const { transientStatus: _t, ...rest } = spec;
  return status ? { ...rest, transientStatus: status } : rest;
}
