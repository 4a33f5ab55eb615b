// Request and response schemas of /v2.0/ports (Neutron's port attribute map with binding,
// port-security and allowed-address-pairs). Addresses are checked in the handlers.
import { Type } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { neutronBool } from '../networks/networks.schema.js';
import { collectionResponses, standardAttributes } from '../neutron.schema.js';

const shortText = Type.String({ maxLength: 255 });
const address = Type.String({ maxLength: 64 });
const fixedIp = strictObject({ subnet_id: Type.Optional(Type.String({ maxLength: 64 })), ip_address: Type.Optional(address) });
const pair = strictObject({ ip_address: address, mac_address: Type.Optional(Type.String({ maxLength: 17 })) });
const idList = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 64 });

const writable = {
  name: Type.Optional(shortText),
  description: Type.Optional(shortText),
  admin_state_up: Type.Optional(neutronBool),
  device_id: Type.Optional(shortText),
  device_owner: Type.Optional(shortText),
  fixed_ips: Type.Optional(Type.Array(fixedIp, { maxItems: 16 })),
  allowed_address_pairs: Type.Optional(Type.Array(pair, { maxItems: 10 })),
  port_security_enabled: Type.Optional(neutronBool),
  security_groups: Type.Optional(idList),
  'binding:host_id': Type.Optional(shortText),
  'binding:vnic_type': Type.Optional(Type.Literal('normal')),
  'binding:profile': Type.Optional(Type.Object({}, { additionalProperties: true })),
};

export const createPortRequest = strictObject({
  ...writable,
  network_id: Type.String({ maxLength: 64 }),
  mac_address: Type.Optional(Type.String({ maxLength: 17 })),
  tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
  project_id: Type.Optional(Type.String({ maxLength: 255 })),
});

/** One port, or Neutron's bulk create (`ports`: all are made, or none). */
export const createPortBody = Type.Union([strictObject({ port: createPortRequest }), strictObject({ ports: Type.Array(createPortRequest, { minItems: 1, maxItems: 100 }) })]);

export const updatePortBody = strictObject({ port: strictObject(writable) });

export const listPortsQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  fields: queryString,
  sort_key: queryString,
  sort_dir: queryString,
  changed_since: Type.String(),
});

export const port = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  network_id: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  mac_address: Type.String(),
  fixed_ips: Type.Array(Type.Object({ subnet_id: Type.String(), ip_address: Type.String() })),
  device_id: Type.String(),
  device_owner: Type.String(),
  status: Type.String(),
  admin_state_up: Type.Boolean(),
  security_groups: Type.Array(Type.String()),
  allowed_address_pairs: Type.Array(Type.Object({ ip_address: Type.String(), mac_address: Type.String() })),
  extra_dhcp_opts: Type.Array(Type.Unknown()),
  port_security_enabled: Type.Boolean(),
  'binding:vnic_type': Type.String(),
  ...standardAttributes,
});

const portResponses = collectionResponses('port', 'ports', port);
export const listPortsResponse = portResponses.list;
export const showPortResponse = portResponses.show;
export const portResponse = portResponses.one;
export const createPortResponse = Type.Union([portResponses.one, portResponses.bulk]);
