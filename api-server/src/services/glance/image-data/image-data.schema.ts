// Schemas of the image data routes: the import request and the import-methods discovery document.
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

export const importImageBody = Type.Object({
  method: Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }), uri: Type.Optional(Type.String()) }),
  stores: Type.Optional(Type.Array(Type.String())),
  all_stores: Type.Optional(Type.Boolean()),
  all_stores_must_succeed: Type.Optional(Type.Boolean()),
});

export const importInfoResponse = strictObject({
  'import-methods': strictObject({ description: Type.String(), type: Type.Literal('array'), value: Type.Array(Type.String()) }),
});
