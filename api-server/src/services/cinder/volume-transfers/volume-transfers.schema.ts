// Request and response schemas of /os-volume-transfer (Cinder's volume_transfer schemas at 3.0;
// Tempest's transfer schemas: create alone shows the auth key, accept has no created_at).
import { Type } from '@sinclair/typebox';
import { isoTime, links, querySchema, queryString, responseObject, strictObject, uuid } from '../../../common/parameter-types.js';
import { nullableString } from '../cinder.schema.js';

export const createTransferBody = strictObject({
  transfer: strictObject({ volume_id: uuid, name: Type.Optional(nullableString(255)) }),
});

export const acceptTransferBody = strictObject({
  accept: strictObject({ auth_key: Type.String({ minLength: 1, maxLength: 255 }) }),
});

export const listTransfersQuery = querySchema({ all_tenants: queryString, name: queryString, volume_id: queryString });

const summary = {
  id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  volume_id: Type.String(),
  links,
};

export const transferSummary = responseObject(summary);
export const transferDetail = responseObject({ ...summary, created_at: isoTime });
export const transferCreated = responseObject({ ...summary, created_at: isoTime, auth_key: Type.String() });

export const createTransferResponse = responseObject({ transfer: transferCreated });
export const showTransferResponse = responseObject({ transfer: transferDetail });
export const acceptTransferResponse = responseObject({ transfer: transferSummary });
export const listTransfersResponse = responseObject({ transfers: Type.Array(transferSummary) });
export const listTransfersDetailResponse = responseObject({ transfers: Type.Array(transferDetail) });
