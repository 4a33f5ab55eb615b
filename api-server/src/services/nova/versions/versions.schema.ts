// Response schemas of Nova's version documents (Tempest's compute/v2_1/versions.py).
import { Type } from '@sinclair/typebox';
import { isoTime, strictObject } from '../../../common/parameter-types.js';

export const version = strictObject({
  id: Type.String(),
  links: Type.Array(strictObject({ href: Type.String(), rel: Type.String(), type: Type.Optional(Type.String()) })),
  status: Type.String(),
  updated: isoTime,
  version: Type.Optional(Type.String()),
  min_version: Type.Optional(Type.String()),
  'media-types': Type.Optional(Type.Array(strictObject({ base: Type.String(), type: Type.String() }))),
});

export const listVersionsResponse = strictObject({ versions: Type.Array(version) });
export const showVersionResponse = strictObject({ version });
