// Request, query and response schemas for /v2/images (Glance's images.py get_base_properties: a
// permissive schema whose extra properties are strings).
import { Type, type TLiteral, type TUnion } from '@sinclair/typebox';
import { isoTime, queryInt, querySchema, queryString, strictObject } from '../../../common/parameter-types.js';

export const listImagesQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  name: queryString,
  status: queryString,
  visibility: queryString,
  owner: queryString,
  id: queryString,
  tag: queryString,
  os_hidden: queryString,
  container_format: queryString,
  disk_format: queryString,
  sort_key: queryString,
  sort_dir: queryString,
  sort: queryString,
  member_status: queryString,
  size: queryString,
  size_min: queryString,
  size_max: queryString,
});

const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableInt = Type.Union([Type.Integer(), Type.Null()]);
const literals = (values: string[]): TUnion<TLiteral<string>[]> => Type.Union(values.map((v) => Type.Literal(v)));

/** Glance's disk_formats and container_formats defaults. */
export const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'];
export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'];
const VISIBILITY = literals(['community', 'public', 'private', 'shared']);

/**
 * What a create or a patch may set. The router admits any JSON object (Glance answers read-only
 * attributes with a 403 before it checks the schema); images.mapper checks this one after that.
 */
export const imageWritable = Type.Object(
  {
    // Glance's canonical form (hyphens, and lower case: the id is the Image CR's name).
    id: Type.Optional(Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' })),
    name: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
    visibility: Type.Optional(VISIBILITY),
    protected: Type.Optional(Type.Boolean()),
    os_hidden: Type.Optional(Type.Boolean()),
    disk_format: Type.Optional(Type.Union([literals(DISK_FORMATS), Type.Null()])),
    container_format: Type.Optional(Type.Union([literals(CONTAINER_FORMATS), Type.Null()])),
    min_disk: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
    min_ram: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 128 })),
    owner: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    container_image: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  { additionalProperties: Type.String({ maxLength: 65535 }) },
);

export const createImageBody = Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.Unknown());

const pointer = Type.String({ minLength: 1, maxLength: 512 });

/** RFC 6902 as Glance takes it (application/openstack-images-v2.1-json-patch). */
export const patchOperation = Type.Object({ op: literals(['add', 'replace', 'remove']), path: pointer, value: Type.Optional(Type.Unknown()) }, { additionalProperties: false });

/** The older application/openstack-images-v2.0-json-patch form, still sent by Tempest: the op names the key. */
const legacyOperation = Type.Union(
  (['add', 'replace', 'remove'] as const).map((op) => Type.Object({ [op]: pointer, value: Type.Optional(Type.Unknown()) }, { additionalProperties: false })),
);

export const patchImageBody = Type.Array(Type.Union([patchOperation, legacyOperation]), { maxItems: 256 });

export const image = Type.Object(
  {
    id: Type.String(),
    name: nullableString,
    status: literals(['queued', 'saving', 'active', 'killed', 'deleted', 'uploading', 'importing', 'pending_delete', 'deactivated']),
    visibility: VISIBILITY,
    protected: Type.Boolean(),
    os_hidden: Type.Boolean(),
    checksum: nullableString,
    os_hash_algo: nullableString,
    os_hash_value: nullableString,
    owner: nullableString,
    size: nullableInt,
    virtual_size: nullableInt,
    container_format: nullableString,
    disk_format: nullableString,
    created_at: isoTime,
    updated_at: isoTime,
    tags: Type.Array(Type.String()),
    min_ram: Type.Integer(),
    min_disk: Type.Integer(),
    self: Type.String(),
    file: Type.String(),
    schema: Type.String(),
  },
  // User-defined properties sit beside the base ones and are strings.
  { additionalProperties: Type.String() },
);

export const listImagesResponse = strictObject({
  images: Type.Array(image),
  schema: Type.String(),
  first: Type.String(),
  next: Type.Optional(Type.String()),
});
export const showImageResponse = image;
