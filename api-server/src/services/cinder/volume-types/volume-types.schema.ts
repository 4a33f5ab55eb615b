// Response schemas of /types (Tempest's volume_types schema).
import { Type } from '@sinclair/typebox';
import { queryString, querySchema, responseObject } from '../../../common/parameter-types.js';

export const volumeType = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  is_public: Type.Boolean(),
  'os-volume-type-access:is_public': Type.Boolean(),
  extra_specs: Type.Record(Type.String(), Type.String()),
  qos_specs_id: Type.Null(),
});

export const listVolumeTypesQuery = querySchema({ is_public: queryString, extra_specs: queryString });
export const listVolumeTypesResponse = responseObject({ volume_types: Type.Array(volumeType) });
export const showVolumeTypeResponse = responseObject({ volume_type: volumeType });
