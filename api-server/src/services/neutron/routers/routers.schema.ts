// Request and response schemas of /v2.0/routers and its interface actions (router,
// ext-gw-mode, extraroute).
import { Type } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { neutronBool } from '../networks/networks.schema.js';
import { collectionResponses, standardAttributes } from '../neutron.schema.js';

const shortText = Type.String({ maxLength: 255 });
const id = Type.String({ maxLength: 64 });
const fixedIp = strictObject({ subnet_id: Type.Optional(id), ip_address: Type.Optional(Type.String({ maxLength: 64 })) });
export const gatewayInfo = Type.Union([
  strictObject({ network_id: id, enable_snat: Type.Optional(neutronBool), external_fixed_ips: Type.Optional(Type.Array(fixedIp, { maxItems: 8 })) }),
  strictObject({}),
  Type.Null(),
]);
const route = strictObject({ destination: Type.String({ maxLength: 64 }), nexthop: Type.String({ maxLength: 64 }) });

const writable = {
  name: Type.Optional(shortText),
  description: Type.Optional(shortText),
  admin_state_up: Type.Optional(neutronBool),
  external_gateway_info: Type.Optional(gatewayInfo),
};

export const createRouterBody = strictObject({
  router: strictObject({ ...writable, tenant_id: Type.Optional(Type.String({ maxLength: 255 })), project_id: Type.Optional(Type.String({ maxLength: 255 })), availability_zone_hints: Type.Optional(Type.Array(shortText, { maxItems: 0 })) }),
});
// routes: null clears them, as an empty list does (Tempest's extra-route test sends null).
export const updateRouterBody = strictObject({ router: strictObject({ ...writable, routes: Type.Optional(Type.Union([Type.Array(route, { maxItems: 30 }), Type.Null()])) }) });
export const interfaceBody = strictObject({ subnet_id: Type.Optional(id), port_id: Type.Optional(id) });

export const listRoutersQuery = querySchema({ limit: queryInt, marker: Type.String(), fields: queryString, sort_key: queryString, sort_dir: queryString });

export const router = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  status: Type.String(),
  admin_state_up: Type.Boolean(),
  external_gateway_info: Type.Union([
    Type.Object({ network_id: Type.String(), enable_snat: Type.Boolean(), external_fixed_ips: Type.Array(Type.Object({ subnet_id: Type.String(), ip_address: Type.String() })) }),
    Type.Null(),
  ]),
  routes: Type.Array(Type.Object({ destination: Type.String(), nexthop: Type.String() })),
  distributed: Type.Boolean(),
  ha: Type.Boolean(),
  availability_zone_hints: Type.Array(Type.String()),
  availability_zones: Type.Array(Type.String()),
  ...standardAttributes,
});

export const interfaceResponse = responseObject({
  id: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  port_id: Type.String(),
  subnet_id: Type.String(),
  subnet_ids: Type.Array(Type.String()),
  network_id: Type.String(),
});

const routerResponses = collectionResponses('router', 'routers', router);
export const listRoutersResponse = routerResponses.list;
export const showRouterResponse = routerResponses.show;
export const routerResponse = routerResponses.one;
