// Request and response schemas of /volumes (Cinder's api/schemas/volumes.py at 3.0, and Tempest's
// volume schemas for the answers).
import { Type } from '@sinclair/typebox';
import { isoTime, links, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { listQueryKeys, namedFields, nullableMetadata, nullableString } from '../cinder.schema.js';

const nullableId = Type.Union([Type.String({ maxLength: 64 }), Type.Null()]);
/** Cinder's volume_size_allows_null: an integer, or a string of digits, or null (taken from the source). */
export const volumeSize = Type.Union([Type.Integer(), Type.String({ maxLength: 12 }), Type.Null()]);

export const createVolumeBody = Type.Object(
  {
    volume: Type.Object(
      {
        size: Type.Optional(volumeSize),
        ...namedFields,
        volume_type: Type.Optional(nullableString(255)),
        availability_zone: Type.Optional(nullableString(255)),
        metadata: nullableMetadata,
        imageRef: Type.Optional(nullableId),
        image_id: Type.Optional(nullableId),
        snapshot_id: Type.Optional(nullableId),
        source_volid: Type.Optional(nullableId),
        backup_id: Type.Optional(nullableId),
        consistencygroup_id: Type.Optional(nullableId),
        group_id: Type.Optional(nullableId),
        multiattach: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: true },
    ),
    'OS-SCH-HNT:scheduler_hints': Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const updateVolumeBody = strictObject({
  volume: strictObject({ ...namedFields, metadata: nullableMetadata }),
});

export const listVolumesQuery = querySchema({ ...listQueryKeys, availability_zone: queryString, bootable: queryString });
export const deleteVolumeQuery = querySchema({ cascade: queryString, force: queryString });

const attachment = responseObject({
  id: Type.String(),
  attachment_id: Type.String(),
  volume_id: Type.String(),
  server_id: Type.Union([Type.String(), Type.Null()]),
  host_name: Type.Union([Type.String(), Type.Null()]),
  device: Type.Union([Type.String(), Type.Null()]),
  attached_at: Type.Union([isoTime, Type.Null()]),
});

export const volume = responseObject({
  id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  size: Type.Integer(),
  status: Type.String(),
  availability_zone: Type.Union([Type.String(), Type.Null()]),
  created_at: isoTime,
  updated_at: Type.Union([isoTime, Type.Null()]),
  user_id: Type.String(),
  /** Shown by the extension views (show, detail), not in the answers to create and update. */
  'os-vol-tenant-attr:tenant_id': Type.Optional(Type.String()),
  volume_type: Type.Union([Type.String(), Type.Null()]),
  snapshot_id: Type.Union([Type.String(), Type.Null()]),
  source_volid: Type.Union([Type.String(), Type.Null()]),
  metadata: Type.Record(Type.String(), Type.String()),
  bootable: Type.Union([Type.Literal('true'), Type.Literal('false')]),
  encrypted: Type.Boolean(),
  multiattach: Type.Boolean(),
  replication_status: Type.Union([Type.String(), Type.Null()]),
  consistencygroup_id: Type.Null(),
  migration_status: Type.Null(),
  attachments: Type.Array(attachment),
  links,
  group_id: Type.Optional(Type.Null()),
  provider_id: Type.Optional(Type.Null()),
  shared_targets: Type.Optional(Type.Boolean()),
  service_uuid: Type.Optional(Type.String()),
});

const summary = responseObject({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]), links });

export const showVolumeResponse = responseObject({ volume });
export const listVolumesResponse = responseObject({ volumes: Type.Array(summary), volumes_links: Type.Optional(links) });
export const listVolumesDetailResponse = responseObject({ volumes: Type.Array(volume), volumes_links: Type.Optional(links) });
