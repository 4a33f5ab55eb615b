// Nova's image proxy at 2.1 (removed at 2.36): the query it reads and the bodies Tempest's
// compute/v2_1/images.py checks (no other keys).
import { Type } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, strictObject } from '../../../common/parameter-types.js';

const link = strictObject({ rel: Type.String(), href: Type.String(), type: Type.Optional(Type.String()) });
const links = Type.Array(link);

export const imageDetail = strictObject({
  id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union(['ACTIVE', 'SAVING', 'DELETED', 'ERROR', 'UNKNOWN'].map((s) => Type.Literal(s))),
  progress: Type.Integer(),
  minDisk: Type.Integer(),
  minRam: Type.Integer(),
  metadata: Type.Record(Type.String(), Type.String()),
  created: Type.String(),
  updated: Type.String(),
  links,
  server: Type.Optional(strictObject({ id: Type.String(), links: Type.Array(strictObject({ rel: Type.String(), href: Type.String() })) })),
  'OS-EXT-IMG-SIZE:size': Type.Union([Type.Integer(), Type.Null()]),
});

export const imageSummary = strictObject({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]), links });

export const listImagesResponse = strictObject({ images: Type.Array(imageSummary), images_links: Type.Optional(links) });
export const listImageDetailsResponse = strictObject({ images: Type.Array(imageDetail), images_links: Type.Optional(links) });
export const showImageResponse = strictObject({ image: imageDetail });

/** Nova's image index filters (name, status, the server snapshotted, snapshot or not, minimums) and paging. */
export const listImagesQuery = querySchema({
  name: queryString, status: queryString, server: queryString, type: queryString, minDisk: queryInt, minRam: queryInt,
  'changes-since': queryString, limit: queryInt, marker: queryString,
});
