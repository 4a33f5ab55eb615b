// Glance's image request bodies (snake_case, user properties at the top level) to the Image CR's
// spec (camelCase, user properties under `properties`), and JSON-patch updates applied to a spec.
// Read-only and reserved attributes are refused with Glance's 403 before the schema is checked
// (Glance's RequestDeserializer._check_allowed), then the writable part is checked against
// images.schema's imageWritable.
import type { Static } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import { ApiError, badRequest, conflict, forbidden } from '../../../common/errors.js';
import { check } from '../../../common/validate.js';
import { imageWritable, type patchImageBody, type patchOperation } from './images.schema.js';

type Writable = Static<typeof imageWritable>;
type PatchOp = Static<typeof patchOperation>;

/** Both patch media types' operations as RFC 6902 ones ({"replace": "/name"} is {"op": "replace", "path": "/name"}). */
export function normalizePatch(ops: Static<typeof patchImageBody>): PatchOp[] {
  return ops.map((o) => {
    if ('op' in o) return o as PatchOp;
    const op = (['add', 'replace', 'remove'] as const).find((k) => k in o)!;
    return { op, path: (o as Record<string, string>)[op], ...('value' in o ? { value: o.value } : {}) };
  });
}
type Spec = Image['spec'];

const READ_ONLY = ['checksum', 'created_at', 'updated_at', 'size', 'virtual_size', 'status', 'self', 'file', 'schema', 'os_hash_algo', 'os_hash_value', 'direct_url', 'locations', 'stores'];
const RESERVED = ['deleted', 'deleted_at', 'location', 'owner_id'];

/** The base attributes and the spec field each one is kept in. */
const BASE: Record<string, keyof Spec> = {
  name: 'name',
  visibility: 'visibility',
  protected: 'protected',
  os_hidden: 'osHidden',
  disk_format: 'diskFormat',
  container_format: 'containerFormat',
  min_disk: 'minDiskGiB',
  min_ram: 'minRamMiB',
  tags: 'tags',
  owner: 'owner',
  // Ours: the OCI image a server booted from this image runs.
  container_image: 'containerImage',
};

/** Glance's image_property_quota, and a bound on their total size that keeps the CR well inside etcd's limit. */
const MAX_PROPERTIES = 128;
const MAX_PROPERTY_BYTES = 256 * 1024;

function checkPropertyQuota(spec: Spec): Spec {
  const entries = Object.entries(spec.properties ?? {});
  const bytes = entries.reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  if (entries.length > MAX_PROPERTIES) throw new ApiError(413, `Maximum number of image properties exceeded: at most ${MAX_PROPERTIES}.`);
  if (bytes > MAX_PROPERTY_BYTES) throw new ApiError(413, `The image properties exceed ${MAX_PROPERTY_BYTES} bytes.`);
  return spec;
}

function checkAllowed(key: string): void {
  if (READ_ONLY.includes(key)) throw forbidden(`Attribute '${key}' is read-only.`);
  // Glance keeps the os_glance namespace for its own bookkeeping (import progress and the like).
  if (RESERVED.includes(key) || key.startsWith('os_glance')) throw forbidden(`Attribute '${key}' is reserved.`);
}

function checkSchema(body: Record<string, unknown>): Writable {
  const problem = check(imageWritable, body, 'image');
  if (problem) throw badRequest(`Provided object does not match schema 'image': ${problem}`);
  return body;
}

/** One attribute's value in the spec's terms (null clears a nullable base attribute). */
function setAttribute(spec: Spec, key: string, value: unknown): Spec {
  const field = BASE[key];
  if (!field) return { ...spec, properties: { ...(spec.properties ?? {}), [key]: value as string } };
  if (value === null || value === undefined) {
    const rest = { ...spec };
    delete rest[field];
    return rest;
  }
  return { ...spec, [field]: key === 'tags' ? [...new Set(value as string[])] : value };
}

export function toImageSpec(body: Record<string, unknown>, owner: string, now: Date): { id?: string; spec: Spec } {
  for (const key of Object.keys(body)) checkAllowed(key);
  const { id, ...attrs } = checkSchema(body);
  let spec: Spec = { visibility: 'shared', owner, protected: false, osHidden: false, minDiskGiB: 0, minRamMiB: 0, tags: [], updatedAt: now.toISOString() };
  for (const [key, value] of Object.entries(attrs)) spec = setAttribute(spec, key, value);
  return { id, spec: checkPropertyQuota({ ...spec, owner: spec.owner ?? owner }) };
}

function attributeOf(path: string): string {
  const key = /^\/([^/]+)$/.exec(path)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  if (!key) throw badRequest(`Invalid JSON pointer for this resource: '${path}'`);
  // An image's id is fixed once it exists.
  if (key === 'id') throw forbidden("Attribute 'id' is read-only.");
  checkAllowed(key);
  return key;
}

function hasAttribute(spec: Spec, key: string): boolean {
  const field = BASE[key];
  return field ? spec[field] !== undefined : spec.properties?.[key] !== undefined;
}

function removeAttribute(spec: Spec, key: string): Spec {
  if (BASE[key]) throw forbidden(`Attribute '${key}' cannot be removed.`);
  if (!hasAttribute(spec, key)) throw conflict(`Property ${key} does not exist.`);
  const properties = { ...spec.properties };
  delete properties[key];
  return { ...spec, properties };
}

function applyOne(spec: Spec, op: PatchOp): Spec {
  const key = attributeOf(op.path);
  if (op.op === 'remove') return removeAttribute(spec, key);
  if (op.value === undefined) throw badRequest(`Unable to find 'value' element for '${op.op}' in the patch.`);
  if (op.op === 'replace' && !BASE[key] && !hasAttribute(spec, key)) throw conflict(`Property ${key} does not exist.`);
  checkSchema({ [key]: op.value });
  return setAttribute(spec, key, op.value);
}

/** The spec after the patch, or a 400/403/409 naming the first operation that cannot apply. */
export function applyImagePatch(spec: Spec, ops: PatchOp[], now: Date): Spec {
  const patched = checkPropertyQuota(ops.reduce(applyOne, spec));
  return { ...patched, updatedAt: now.toISOString() };
}

/** The attributes a patch changes, for the checks that depend on which (visibility, formats). */
export function patchedAttributes(ops: PatchOp[]): Set<string> {
  return new Set(ops.map((o) => attributeOf(o.path)));
}
