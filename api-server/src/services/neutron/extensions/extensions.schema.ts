// Response schemas of GET /v2.0/extensions and /v2.0/extensions/{alias}.
import { Type } from '@sinclair/typebox';
import { responseObject, strictObject } from '../../../common/parameter-types.js';

export const extension = strictObject({
  alias: Type.String(),
  name: Type.String(),
  description: Type.String(),
  updated: Type.String(),
  links: Type.Array(Type.Unknown()),
});

export const listExtensionsResponse = responseObject({ extensions: Type.Array(extension) });
export const showExtensionResponse = responseObject({ extension });
