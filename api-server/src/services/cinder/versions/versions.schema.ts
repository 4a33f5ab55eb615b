// The shape of Cinder's version documents (Tempest's volume versions schema).
import { Type } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';

export const version = responseObject({
  id: Type.String(),
  status: Type.String(),
  version: Type.String(),
  min_version: Type.String(),
  updated: Type.String(),
  links: Type.Array(responseObject({ rel: Type.String(), href: Type.String(), type: Type.Optional(Type.String()) })),
  'media-types': Type.Array(responseObject({ base: Type.String(), type: Type.String() })),
});

export const versionsResponse = responseObject({ versions: Type.Array(version) });
