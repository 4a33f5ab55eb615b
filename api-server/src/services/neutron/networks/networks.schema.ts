// Request and response schemas of /v2.0/networks (Neutron's network attribute map, with the
// external-net, net-mtu-writable, provider, network_availability_zone and standard attributes).
// Booleans may come as strings ("True", "false"), as Neutron's convert_to_boolean accepts.
import { Type } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { collectionResponses, standardAttributes } from '../neutron.schema.js';

export const neutronBool = Type.Union([Type.Boolean(), Type.String({ pattern: '^(true|false|True|False|TRUE|FALSE|1|0)$' })]);
const nullableString = Type.Union([Type.String(), Type.Null()]);
const shortText = Type.String({ maxLength: 255 });

const writable = {
  name: Type.Optional(shortText),
  description: Type.Optional(shortText),
  admin_state_up: Type.Optional(neutronBool),
  shared: Type.Optional(neutronBool),
  'router:external': Type.Optional(neutronBool),
  mtu: Type.Optional(Type.Integer({ minimum: 68, maximum: 9216 })),
  port_security_enabled: Type.Optional(neutronBool),
};

const provider = {
  'provider:network_type': Type.Optional(Type.String({ maxLength: 16 })),
  'provider:physical_network': Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  'provider:segmentation_id': Type.Optional(Type.Union([Type.Integer(), Type.String({ pattern: '^[0-9]{1,10}$' }), Type.Null()])),
};

export const createNetworkBody = strictObject({
  network: strictObject({
    ...writable,
    ...provider,
    tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
    project_id: Type.Optional(Type.String({ maxLength: 255 })),
    availability_zone_hints: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 16 })),
  }),
});

export const updateNetworkBody = strictObject({ network: strictObject({ ...writable, ...provider }) });

export const listNetworksQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  fields: queryString,
  sort_key: queryString,
  sort_dir: queryString,
  changed_since: Type.String(),
});

export const network = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  status: Type.String(),
  admin_state_up: Type.Boolean(),
  shared: Type.Boolean(),
  'router:external': Type.Boolean(),
  mtu: Type.Integer(),
  port_security_enabled: Type.Boolean(),
  subnets: Type.Array(Type.String()),
  availability_zone_hints: Type.Array(Type.String()),
  availability_zones: Type.Array(Type.String()),
  ipv4_address_scope: nullableString,
  ipv6_address_scope: nullableString,
  ...standardAttributes,
});

const networkResponses = collectionResponses('network', 'networks', network);
export const listNetworksResponse = networkResponses.list;
export const showNetworkResponse = networkResponses.show;
export const networkResponse = networkResponses.one;
