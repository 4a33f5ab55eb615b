// Request and response schemas of /v2.0/subnetpools (subnet_allocation and default-subnetpools).
// Prefixes and prefix lengths are checked in subnet-pools.rules.ts, with Neutron's messages.
import { Type } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { neutronBool } from '../networks/networks.schema.js';
import { collectionResponses, standardAttributes } from '../neutron.schema.js';

const shortText = Type.String({ maxLength: 255 });
export const prefixlen = Type.Union([Type.Integer({ minimum: 0, maximum: 128 }), Type.String({ pattern: '^[0-9]{1,3}$' })]);
const prefixes = Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 32 });

const writable = {
  name: Type.Optional(shortText),
  description: Type.Optional(shortText),
  min_prefixlen: Type.Optional(prefixlen),
  max_prefixlen: Type.Optional(prefixlen),
  default_prefixlen: Type.Optional(prefixlen),
  is_default: Type.Optional(neutronBool),
};

export const createSubnetPoolBody = strictObject({
  subnetpool: strictObject({
    ...writable,
    prefixes,
    shared: Type.Optional(neutronBool),
    address_scope_id: Type.Optional(Type.Null()),
    tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
    project_id: Type.Optional(Type.String({ maxLength: 255 })),
  }),
});

export const updateSubnetPoolBody = strictObject({ subnetpool: strictObject({ ...writable, prefixes: Type.Optional(prefixes) }) });

export const listSubnetPoolsQuery = querySchema({ limit: queryInt, marker: Type.String(), fields: queryString, sort_key: queryString, sort_dir: queryString });

export const subnetPool = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  ip_version: Type.Integer(),
  prefixes: Type.Array(Type.String()),
  min_prefixlen: Type.Integer(),
  max_prefixlen: Type.Integer(),
  default_prefixlen: Type.Integer(),
  shared: Type.Boolean(),
  is_default: Type.Boolean(),
  address_scope_id: Type.Null(),
  default_quota: Type.Null(),
  ...standardAttributes,
});

const poolResponses = collectionResponses('subnetpool', 'subnetpools', subnetPool);
export const listSubnetPoolsResponse = poolResponses.list;
export const showSubnetPoolResponse = poolResponses.show;
export const subnetPoolResponse = poolResponses.one;
