// Request and response schemas of /snapshots (Cinder's snapshot schemas at 3.0; Tempest's
// snapshot schemas, where the summary has no extended attributes and the detail has both).
import { Type, type TNull, type TString, type TUnion } from '@sinclair/typebox';
import { isoTime, metadata, queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';

const nullableString = (maxLength: number): TUnion<[TString, TNull]> => Type.Union([Type.String({ maxLength }), Type.Null()]);
const flag = Type.Union([Type.Boolean(), Type.String({ maxLength: 16 })]);

export const createSnapshotBody = strictObject({
  snapshot: strictObject({
    // null is Cinder's 404 (no such volume), not a schema 400: Tempest checks that.
    volume_id: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    force: Type.Optional(flag),
    name: Type.Optional(nullableString(255)),
    display_name: Type.Optional(nullableString(255)),
    description: Type.Optional(nullableString(255)),
    display_description: Type.Optional(nullableString(255)),
    metadata: Type.Optional(Type.Union([metadata, Type.Null()])),
  }),
});

export const updateSnapshotBody = strictObject({
  snapshot: strictObject({
    name: Type.Optional(nullableString(255)),
    display_name: Type.Optional(nullableString(255)),
    description: Type.Optional(nullableString(255)),
    display_description: Type.Optional(nullableString(255)),
  }),
});

export const listSnapshotsQuery = querySchema({
  limit: queryInt, marker: queryString, sort: queryString, sort_key: queryString, sort_dir: queryString, offset: queryInt,
  all_tenants: queryString, project_id: queryString, name: queryString, display_name: queryString, status: queryString, volume_id: queryString, metadata: queryString,
});

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
