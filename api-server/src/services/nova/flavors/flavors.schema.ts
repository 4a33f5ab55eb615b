// Query and response schemas for /flavors at 2.1 (Nova's schemas/flavors.py index_query; Tempest's
// compute/v2_1/flavors.py for the bodies).
import { Type } from '@sinclair/typebox';
import { queryEnum, queryInt, querySchema, queryString, strictObject } from '../../../common/parameter-types.js';
import { novaLinkList, summaryEntry } from '../nova.schema.js';
import { FLAVOR_SORT_KEYS } from './flavors.query.js';

export const listFlavorsQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  is_public: queryString,
  minRam: queryString,
  minDisk: queryString,
  sort_key: queryEnum(FLAVOR_SORT_KEYS),
  sort_dir: queryEnum(['asc', 'desc']),
});

export const flavorDetail = strictObject({
  id: Type.String(),
  name: Type.String(),
  links: novaLinkList,
  ram: Type.Integer(),
  vcpus: Type.Integer(),
  disk: Type.Integer(),
  // An integer, or "" for no swap below 2.75.
  swap: Type.Union([Type.Integer(), Type.Literal('')]),
  'OS-FLV-EXT-DATA:ephemeral': Type.Optional(Type.Integer()),
  'OS-FLV-DISABLED:disabled': Type.Optional(Type.Boolean()),
  'os-flavor-access:is_public': Type.Optional(Type.Boolean()),
  rxtx_factor: Type.Optional(Type.Number()),
  description: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  extra_specs: Type.Optional(Type.Record(Type.String(), Type.String())),
});

/** A list entry: id, name and links, and the description from 2.55. */
export const flavorSummary = strictObject({ ...summaryEntry.properties, description: Type.Optional(Type.Union([Type.String(), Type.Null()])) });

const flavorsLinks = Type.Optional(novaLinkList);
export const listFlavorsResponse = strictObject({ flavors: Type.Array(flavorSummary), flavors_links: flavorsLinks });
export const listFlavorsDetailResponse = strictObject({ flavors: Type.Array(flavorDetail), flavors_links: flavorsLinks });
export const showFlavorResponse = strictObject({ flavor: flavorDetail });
