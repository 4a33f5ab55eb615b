// Request and response schemas of /os-volume-transfer (Cinder's volume_transfer schemas at 3.0;
// Tempest's transfer schemas: create alone shows the auth key, accept has no created_at).
import { Type } from '@sinclair/typebox';
import { isoTime, links, querySchema, queryString, responseObject, strictObject, uuid } from '../../../common/parameter-types.js';
import { listQueryKeys, nullableString } from '../cinder.schema.js';

export const createTransferBody = strictObject({
  transfer: strictObject({ volume_id: uuid, name: Type.Optional(nullableString(255)) }),
});

/** /volume-transfers (3.55) also takes no_snapshots. */
export const createTransferBodyV355 = strictObject({
  transfer: strictObject({ volume_id: uuid, name: Type.Optional(nullableString(255)), no_snapshots: Type.Optional(Type.Boolean()) }),
});

export const acceptTransferBody = strictObject({
  accept: strictObject({ auth_key: Type.String({ minLength: 1, maxLength: 255 }) }),
});

export const listTransfersQuery = querySchema({ ...listQueryKeys, volume_id: queryString });

const summary = {
  id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  volume_id: Type.String(),
  links,
};

export const transferSummary = responseObject(summary);
/** What 3.55 (no_snapshots) and 3.57 (the projects, accepted) add to create, show and detail. */
const versioned = {
  no_snapshots: Type.Optional(Type.Boolean()),
  source_project_id: Type.Optional(Type.String()),
  destination_project_id: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  accepted: Type.Optional(Type.Boolean()),
};

export const transferDetail = responseObject({ ...summary, created_at: isoTime, ...versioned });
export const transferCreated = responseObject({ ...summary, created_at: isoTime, auth_key: Type.String(), ...versioned });

export const createTransferResponse = responseObject({ transfer: transferCreated });
export const showTransferResponse = responseObject({ transfer: transferDetail });
export const acceptTransferResponse = responseObject({ transfer: transferSummary });
export const listTransfersResponse = responseObject({ transfers: Type.Array(transferSummary) });
export const listTransfersDetailResponse = responseObject({ transfers: Type.Array(transferDetail) });
