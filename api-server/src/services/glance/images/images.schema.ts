// Query and response schemas for /v2/images (Glance's images.py get_base_properties: a permissive
// schema whose extra properties are strings).
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
});

const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableInt = Type.Union([Type.Integer(), Type.Null()]);
const literals = (values: string[]): TUnion<TLiteral<string>[]> => Type.Union(values.map((v) => Type.Literal(v)));

export const image = Type.Object(
  {
    id: Type.String(),
    name: nullableString,
    status: literals(['queued', 'saving', 'active', 'killed', 'deleted', 'uploading', 'importing', 'pending_delete', 'deactivated']),
    visibility: literals(['community', 'public', 'private', 'shared']),
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
