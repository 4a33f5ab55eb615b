// Request and response schemas of /snapshots (Cinder's snapshot schemas at 3.0; Tempest's
// snapshot schemas, where the summary has no extended attributes and the detail has both).
import { Type } from '@sinclair/typebox';
import { isoTime, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { flag, listQueryKeys, namedFields, nullableMetadata } from '../cinder.schema.js';

export const createSnapshotBody = strictObject({
  snapshot: strictObject({
    // null is Cinder's 404 (no such volume), not a schema 400: Tempest checks that.
    volume_id: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    force: Type.Optional(flag),
    ...namedFields,
    metadata: nullableMetadata,
  }),
});

export const updateSnapshotBody = strictObject({
  snapshot: strictObject(namedFields),
});

export const listSnapshotsQuery = querySchema({ ...listQueryKeys, volume_id: queryString });

export const snapshot = responseObject({
  id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  volume_id: Type.String(),
  size: Type.Integer(),
  status: Type.String(),
  created_at: isoTime,
  updated_at: Type.Union([isoTime, Type.Null()]),
  metadata: Type.Record(Type.String(), Type.String()),
  group_snapshot_id: Type.Optional(Type.Null()),
  user_id: Type.Optional(Type.String()),
});

const snapshotDetail = responseObject({
  ...snapshot.properties,
  'os-extended-snapshot-attributes:progress': Type.String(),
  'os-extended-snapshot-attributes:project_id': Type.String(),
});

const links = Type.Optional(Type.Array(responseObject({ rel: Type.String(), href: Type.String() })));
export const showSnapshotResponse = responseObject({ snapshot: snapshotDetail });
export const snapshotResponse = responseObject({ snapshot });
export const listSnapshotsResponse = responseObject({ snapshots: Type.Array(snapshot), snapshots_links: links });
export const listSnapshotsDetailResponse = responseObject({ snapshots: Type.Array(snapshotDetail), snapshots_links: links });
