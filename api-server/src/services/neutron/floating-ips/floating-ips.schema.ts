// Request and response schemas of /v2.0/floatingips (Neutron's floatingip attribute map with
// fip-port-details). Addresses and associations are checked in the handlers.
import { Type } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { collectionResponses, standardAttributes } from '../neutron.schema.js';

const id = Type.String({ maxLength: 64 });
const address = Type.String({ maxLength: 64 });
const nullableId = Type.Union([id, Type.Null()]);
const nullableAddress = Type.Union([address, Type.Null()]);

const association = {
  port_id: Type.Optional(nullableId),
  fixed_ip_address: Type.Optional(nullableAddress),
  description: Type.Optional(Type.String({ maxLength: 255 })),
};

export const createFloatingIpBody = strictObject({
  floatingip: strictObject({
    ...association,
    floating_network_id: id,
    floating_ip_address: Type.Optional(address),
    subnet_id: Type.Optional(nullableId),
    tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
    project_id: Type.Optional(Type.String({ maxLength: 255 })),
  }),
});

export const updateFloatingIpBody = strictObject({ floatingip: strictObject(association) });

export const listFloatingIpsQuery = querySchema({ limit: queryInt, marker: Type.String(), fields: queryString, sort_key: queryString, sort_dir: queryString });

const portDetails = Type.Object({
  name: Type.String(),
  network_id: Type.String(),
  mac_address: Type.String(),
  admin_state_up: Type.Boolean(),
  status: Type.String(),
  device_id: Type.String(),
  device_owner: Type.String(),
});

export const floatingIp = responseObject({
  id: Type.String(),
  floating_ip_address: Type.String(),
  floating_network_id: Type.String(),
  router_id: Type.Union([Type.String(), Type.Null()]),
  port_id: Type.Union([Type.String(), Type.Null()]),
  fixed_ip_address: Type.Union([Type.String(), Type.Null()]),
  port_details: Type.Union([portDetails, Type.Null()]),
  status: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  description: Type.String(),
  ...standardAttributes,
});

const floatingIpResponses = collectionResponses('floatingip', 'floatingips', floatingIp);
export const listFloatingIpsResponse = floatingIpResponses.list;
export const showFloatingIpResponse = floatingIpResponses.show;
export const floatingIpResponse = floatingIpResponses.one;
