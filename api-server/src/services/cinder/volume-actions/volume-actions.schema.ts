// The body of POST /volumes/{id}/action: exactly one of the actions Cinder's volume_actions and
// admin_actions take, each with its own schema (an unknown action is a 400).
import type { Volume } from '../../../../../crds/types.generated.js';
import { Type } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';
import { flag } from '../cinder.schema.js';
import { volumeSize } from '../volumes/volumes.schema.js';

const empty = Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]);
const connector = Type.Object({ connector: Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()])) }, { additionalProperties: true });
/** What os-reset_status may declare; typed by the CRD's enum, so a status the CR cannot hold does not compile. */
export const VOLUME_STATUSES: readonly NonNullable<Volume['spec']['transientStatus']>[] = ['available', 'error', 'creating', 'deleting', 'in-use', 'attaching', 'detaching', 'error_deleting', 'maintenance', 'reserved', 'error_extending'];

export const volumeActionBody = Type.Object(
  {
    'os-extend': Type.Optional(Type.Object({ new_size: volumeSize }, { additionalProperties: false })),
    'os-set_bootable': Type.Optional(Type.Object({ bootable: flag }, { additionalProperties: false })),
    'os-update_readonly_flag': Type.Optional(Type.Object({ readonly: flag }, { additionalProperties: false })),
    'os-reset_status': Type.Optional(
      Type.Object(
        {
          status: Type.Optional(Type.Union(VOLUME_STATUSES.map((s) => Type.Literal(s)))),
          attach_status: Type.Optional(Type.Union([Type.Literal('attached'), Type.Literal('detached')])),
          migration_status: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
    ),
    'os-force_delete': Type.Optional(empty),
    'os-reserve': Type.Optional(empty),
    'os-unreserve': Type.Optional(empty),
    'os-begin_detaching': Type.Optional(empty),
    'os-roll_detaching': Type.Optional(empty),
    'os-attach': Type.Optional(
      Type.Object(
        {
          instance_uuid: Type.Optional(Type.String({ maxLength: 64 })),
          host_name: Type.Optional(Type.String({ maxLength: 255 })),
          mountpoint: Type.String({ maxLength: 255 }),
          mode: Type.Optional(Type.Union([Type.Literal('rw'), Type.Literal('ro')])),
        },
        { additionalProperties: false },
      ),
    ),
    'os-detach': Type.Optional(Type.Union([Type.Object({ attachment_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])) }, { additionalProperties: false }), Type.Null()])),
    'os-volume_upload_image': Type.Optional(
      Type.Object(
        {
          image_name: Type.String({ minLength: 1, maxLength: 255 }),
          disk_format: Type.Optional(Type.Union(['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'].map((f) => Type.Literal(f)))),
          container_format: Type.Optional(Type.Union(['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'].map((f) => Type.Literal(f)))),
          force: Type.Optional(flag),
          visibility: Type.Optional(Type.Union(['public', 'private', 'shared', 'community'].map((f) => Type.Literal(f)))),
          protected: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    'os-initialize_connection': Type.Optional(connector),
    'os-terminate_connection': Type.Optional(connector),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

/** The bodies actions answer: os-initialize_connection's connection info, os-volume_upload_image's image. */
export const volumeActionResponse = Type.Union([
  responseObject({ connection_info: responseObject({ driver_volume_type: Type.String(), data: Type.Object({}, { additionalProperties: true }) }) }),
  responseObject({ 'os-volume_upload_image': responseObject({ id: Type.String(), image_id: Type.String(), image_name: Type.String(), status: Type.String(), disk_format: Type.String(), container_format: Type.String() }) }),
]);
