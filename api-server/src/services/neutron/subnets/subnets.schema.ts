// Request and response schemas of /v2.0/subnets (Neutron's subnet attribute map). Addresses and
// CIDRs are checked in subnets.validation.ts, where Neutron's messages are produced.
import { Type } from '@sinclair/typebox';
import { queryInt, querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { neutronBool } from '../networks/networks.schema.js';
import { collectionResponses, standardAttributes } from '../neutron.schema.js';
import { prefixlen } from '../subnet-pools/subnet-pools.schema.js';

const shortText = Type.String({ maxLength: 255 });
const address = Type.String({ maxLength: 64 });
const pool = strictObject({ start: address, end: address });
const route = strictObject({ destination: address, nexthop: address });
const ipv6Mode = Type.Union([Type.Literal('slaac'), Type.Literal('dhcpv6-stateful'), Type.Literal('dhcpv6-stateless'), Type.Null()]);

const writable = {
  name: Type.Optional(shortText),
  description: Type.Optional(shortText),
  gateway_ip: Type.Optional(Type.Union([address, Type.Null()])),
  enable_dhcp: Type.Optional(neutronBool),
  allocation_pools: Type.Optional(Type.Array(pool, { maxItems: 32 })),
  dns_nameservers: Type.Optional(Type.Array(address, { maxItems: 32 })),
  host_routes: Type.Optional(Type.Array(route, { maxItems: 64 })),
};

export const createSubnetBody = strictObject({
  subnet: strictObject({
    ...writable,
    network_id: Type.String({ maxLength: 64 }),
    ip_version: Type.Union([Type.Literal(4), Type.Literal(6), Type.Literal('4'), Type.Literal('6')]),
    // Without a cidr, a subnet pool (subnetpool_id, or the default one) gives one of prefixlen.
    cidr: Type.Optional(Type.String({ maxLength: 64 })),
    subnetpool_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    prefixlen: Type.Optional(prefixlen),
    use_default_subnetpool: Type.Optional(neutronBool),
    tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
    project_id: Type.Optional(Type.String({ maxLength: 255 })),
    ipv6_ra_mode: Type.Optional(ipv6Mode),
    ipv6_address_mode: Type.Optional(ipv6Mode),
  }),
});

export const updateSubnetBody = strictObject({ subnet: strictObject(writable) });

export const listSubnetsQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  fields: queryString,
  sort_key: queryString,
  sort_dir: queryString,
  changed_since: Type.String(),
});

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const subnet = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tenant_id: Type.String(),
  project_id: Type.String(),
  network_id: Type.String(),
  ip_version: Type.Integer(),
  cidr: Type.String(),
  gateway_ip: nullableString,
  enable_dhcp: Type.Boolean(),
  allocation_pools: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })),
  dns_nameservers: Type.Array(Type.String()),
  host_routes: Type.Array(Type.Object({ destination: Type.String(), nexthop: Type.String() })),
  ipv6_ra_mode: nullableString,
  ipv6_address_mode: nullableString,
  subnetpool_id: nullableString,
  segment_id: nullableString,
  service_types: Type.Array(Type.String()),
  ...standardAttributes,
});

const subnetResponses = collectionResponses('subnet', 'subnets', subnet);
export const listSubnetsResponse = subnetResponses.list;
export const showSubnetResponse = subnetResponses.show;
export const subnetResponse = subnetResponses.one;
