// Response schemas of Keystone's version discovery (wire contract §1.1). keystoneauth needs id,
// status and a self link in every entry; gophercloud needs the versions.values shape.
import { Type } from '@sinclair/typebox';
import { links, responseObject } from '../../../common/parameter-types.js';

export const versionSchema = responseObject({
  id: Type.String(),
  status: Type.String(),
  updated: Type.String(),
  links,
  'media-types': Type.Array(responseObject({ base: Type.String(), type: Type.String() })),
});

export const listVersionsResponse = responseObject({ versions: responseObject({ values: Type.Array(versionSchema) }) });
export const showVersionResponse = responseObject({ version: versionSchema });
