// Request and response schemas for /servers at microversion 2.1: the body is Nova's
// schemas/servers.py base_create, the list query its index_query, the responses Tempest's
// compute/v2_1/servers.py (which allows no other keys at 2.1).
import { Type, type Static } from '@sinclair/typebox';
import {
  description,
  isoTime,
  metadata,
  name,
  queryEnum,
  queryInt,
  queryPattern,
  querySchema,
  queryString,
  strictObject,
  uuid,
} from '../../../common/parameter-types.js';
import type { KeyVersions } from '../microversion.js';
import { deviceTag, novaLinkList, resourceRef, summaryEntry } from '../nova.schema.js';
import { SERVER_SORT_KEYS } from './servers.query.js';

const networkEntry = strictObject({
  uuid: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  port: Type.Optional(Type.Union([uuid, Type.Null()])),
  fixed_ip: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  // 2.32 to 2.36, and from 2.42 (servers.create-versions.ts).
  tag: Type.Optional(deviceTag),
});

const count = Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[1-9][0-9]*$' })]);
const shortString = Type.String({ minLength: 1, maxLength: 255 });

/** Nova's block_device_mapping_v2 entry (at 2.1: no tag, no volume_type). */
const blockDeviceMapping = strictObject({
  boot_index: Type.Optional(Type.Union([Type.Integer({ minimum: -1 }), Type.String({ pattern: '^-?[0-9]+$' }), Type.Null()])),
  uuid: Type.Optional(Type.String({ maxLength: 255 })),
  source_type: Type.Optional(Type.Union(['image', 'volume', 'snapshot', 'blank'].map((t) => Type.Literal(t)))),
  destination_type: Type.Optional(Type.Union([Type.Literal('volume'), Type.Literal('local')])),
  volume_size: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[1-9][0-9]*$' }), Type.Null()])),
  delete_on_termination: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
  device_name: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
  device_type: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
  disk_bus: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
  guest_format: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
  no_device: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  volume_id: Type.Optional(Type.String({ maxLength: 255 })),
  snapshot_id: Type.Optional(Type.String({ maxLength: 255 })),
  image_id: Type.Optional(Type.String({ maxLength: 255 })),
  // 2.32 alone, and from 2.42 (servers.create-versions.ts).
  tag: Type.Optional(deviceTag),
  // 2.67 (servers.create-versions.ts).
  volume_type: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
});

export type BlockDeviceMapping = Static<typeof blockDeviceMapping>;

const server = strictObject({
  name,
  flavorRef: Type.Union([shortString, Type.Integer()]),
  imageRef: Type.Optional(Type.String({ maxLength: 255 })),
  adminPass: Type.Optional(Type.String()),
  metadata: Type.Optional(metadata),
  // The bounds match the Server CRD's, so nothing valid here is rejected by the cluster.
  // A list, or from 2.37 "auto" or "none" (servers.create-versions.ts).
  networks: Type.Optional(Type.Union([Type.Array(networkEntry, { maxItems: 32 }), Type.Literal('auto'), Type.Literal('none')])),
  'OS-DCF:diskConfig': Type.Optional(Type.Union([Type.Literal('AUTO'), Type.Literal('MANUAL')])),
  accessIPv4: Type.Optional(Type.String({ maxLength: 64 })),
  accessIPv6: Type.Optional(Type.String({ maxLength: 64 })),
  availability_zone: Type.Optional(shortString),
  block_device_mapping: Type.Optional(Type.Array(Type.Unknown())),
  block_device_mapping_v2: Type.Optional(Type.Array(blockDeviceMapping, { maxItems: 26 })),
  config_drive: Type.Optional(Type.Union([Type.Boolean(), Type.String(), Type.Null()])),
  key_name: Type.Optional(shortString),
  min_count: Type.Optional(count),
  max_count: Type.Optional(count),
  return_reservation_id: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
  security_groups: Type.Optional(Type.Array(strictObject({ name: Type.Optional(shortString) }), { maxItems: 64 })),
  user_data: Type.Optional(Type.String({ maxLength: 65535, pattern: '^[A-Za-z0-9+/=\\s]*$' })),
  personality: Type.Optional(Type.Array(Type.Unknown())),
  description: Type.Optional(description),
  trusted_image_certificates: Type.Optional(Type.Union([Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 50, uniqueItems: true }), Type.Null()])),
  host: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  hypervisor_hostname: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  // Tags on create are 2.52's (servers.create-versions.ts). openstacksdk (and so Ansible's
  // openstack.cloud 2.x) sends `tags: []` at any microversion; an empty list asks for nothing, so
  // it is let through below 2.52, where any tag is refused as Nova refuses the field.
  tags: Type.Optional(Type.Array(deviceTag, { maxItems: 50 })),
});

/** The create keys later versions add (the schema is every version's; servers.handlers.ts refuses the others). */
export const CREATE_KEYS: KeyVersions = {
  since: { description: 'DESCRIPTION', trusted_image_certificates: 'TRUSTED_CERTS', host: 'REQUESTED_DESTINATION', hypervisor_hostname: 'REQUESTED_DESTINATION' },
  until: { personality: 'REBUILD_USER_DATA' },
};

const hints = Type.Record(Type.String(), Type.Unknown());

export const createServerBody = strictObject({
  server,
  'os:scheduler_hints': Type.Optional(hints),
  'OS-SCH-HNT:scheduler_hints': Type.Optional(hints),
});

/** The `server` object of a create request, as the schema admits it. */
export type ServerCreateRequest = Static<typeof createServerBody>['server'];

export const listServersQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  name: queryPattern,
  status: queryString,
  image: queryString,
  flavor: queryString,
  host: queryString,
  ip: queryPattern,
  ip6: queryPattern,
  tags: queryString,
  'tags-any': queryString,
  'not-tags': queryString,
  'not-tags-any': queryString,
  'changes-since': queryString,
  'changes-before': queryString,
  locked: queryString,
  all_tenants: queryString,
  project_id: queryString,
  tenant_id: queryString,
  sort_key: queryEnum(SERVER_SORT_KEYS),
  sort_dir: queryString,
});

const createdServer = strictObject({
  id: Type.String(),
  links: novaLinkList,
  'OS-DCF:diskConfig': Type.Optional(Type.String()),
  security_groups: Type.Optional(Type.Array(strictObject({ name: Type.String() }))),
  adminPass: Type.Optional(Type.String()),
});

/** 202: the new server's id and links, or only a reservation id when the client asked for one. */
export const createServerResponse = Type.Union([strictObject({ server: createdServer }), strictObject({ reservation_id: Type.String() })]);

const address = strictObject({
  version: Type.Union([Type.Literal(4), Type.Literal(6)]),
  addr: Type.String(),
  'OS-EXT-IPS:type': Type.Optional(Type.String()),
  'OS-EXT-IPS-MAC:mac_addr': Type.Optional(Type.String({ pattern: '^(?:[a-fA-F0-9]{2}:){5}[a-fA-F0-9]{2}$' })),
});

const nullableString = Type.Union([Type.String(), Type.Null()]);

/** The server's flavor from 2.47 (Tempest's compute/v2_47/servers.py). */
const embeddedFlavor = strictObject({
  original_name: Type.String(),
  vcpus: Type.Integer(),
  ram: Type.Integer(),
  disk: Type.Integer(),
  ephemeral: Type.Integer(),
  swap: Type.Integer(),
  extra_specs: Type.Optional(Type.Record(Type.String(), Type.String())),
});
const powerState = Type.Union([0, 1, 3, 4, 6, 7].map((n) => Type.Literal(n)));

export const serverDetail = strictObject({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  // "" for a server booted from a volume.
  image: Type.Union([resourceRef, Type.String(), Type.Null()]),
  // {id, links}; from 2.47 the flavor's own values.
  flavor: Type.Union([resourceRef, embeddedFlavor, strictObject({})]),
  fault: Type.Optional(strictObject({ code: Type.Integer(), created: Type.String(), message: Type.String(), details: Type.Optional(Type.String()) })),
  user_id: Type.String(),
  tenant_id: Type.String(),
  created: isoTime,
  updated: isoTime,
  progress: Type.Optional(Type.Integer()),
  metadata: Type.Record(Type.String(), Type.String()),
  links: novaLinkList,
  addresses: Type.Record(Type.String(), Type.Array(address)),
  hostId: Type.String(),
  'OS-DCF:diskConfig': Type.Optional(Type.String()),
  accessIPv4: Type.Optional(Type.String()),
  accessIPv6: Type.Optional(Type.String()),
  key_name: Type.Optional(nullableString),
  security_groups: Type.Optional(Type.Array(strictObject({ name: Type.String() }))),
  'OS-SRV-USG:launched_at': Type.Optional(nullableString),
  'OS-SRV-USG:terminated_at': Type.Optional(nullableString),
  'OS-EXT-AZ:availability_zone': Type.Optional(Type.String()),
  'OS-EXT-STS:task_state': Type.Optional(nullableString),
  'OS-EXT-STS:vm_state': Type.Optional(Type.String()),
  'OS-EXT-STS:power_state': Type.Optional(powerState),
  'OS-EXT-SRV-ATTR:host': Type.Optional(nullableString),
  'OS-EXT-SRV-ATTR:instance_name': Type.Optional(Type.String()),
  'OS-EXT-SRV-ATTR:hypervisor_hostname': Type.Optional(nullableString),
  'os-extended-volumes:volumes_attached': Type.Optional(Type.Array(strictObject({ id: Type.String(), delete_on_termination: Type.Optional(Type.Boolean()) }))),
  config_drive: Type.Optional(Type.String()),
  // What later microversions add (servers.versioned-view.ts says when).
  'OS-EXT-SRV-ATTR:reservation_id': Type.Optional(nullableString),
  'OS-EXT-SRV-ATTR:launch_index': Type.Optional(Type.Integer()),
  'OS-EXT-SRV-ATTR:hostname': Type.Optional(Type.String()),
  'OS-EXT-SRV-ATTR:kernel_id': Type.Optional(nullableString),
  'OS-EXT-SRV-ATTR:ramdisk_id': Type.Optional(nullableString),
  'OS-EXT-SRV-ATTR:root_device_name': Type.Optional(nullableString),
  'OS-EXT-SRV-ATTR:user_data': Type.Optional(nullableString),
  locked: Type.Optional(Type.Boolean()),
  host_status: Type.Optional(Type.Union(['', 'UP', 'DOWN', 'MAINTENANCE', 'UNKNOWN'].map((v) => Type.Literal(v)))),
  description: Type.Optional(nullableString),
  tags: Type.Optional(Type.Array(Type.String())),
  trusted_image_certificates: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  server_groups: Type.Optional(Type.Array(Type.String())),
  locked_reason: Type.Optional(nullableString),
});

const serversLinks = Type.Optional(novaLinkList);
export const listServersResponse = strictObject({ servers: Type.Array(summaryEntry), servers_links: serversLinks });
export const listServersDetailResponse = strictObject({ servers: Type.Array(serverDetail), servers_links: serversLinks });
export const showServerResponse = strictObject({ server: serverDetail });

/** PUT /servers/{id}: the name and the access addresses, description from 2.19 (UPDATE_KEYS). */
export const updateServerBody = strictObject({
  server: strictObject({
    name: Type.Optional(name),
    accessIPv4: Type.Optional(Type.String({ maxLength: 64 })),
    accessIPv6: Type.Optional(Type.String({ maxLength: 64 })),
    'OS-DCF:diskConfig': Type.Optional(Type.Union([Type.Literal('AUTO'), Type.Literal('MANUAL')])),
    description: Type.Optional(description),
  }),
});

/** The update keys later versions add. */
export const UPDATE_KEYS: KeyVersions = { since: { description: 'DESCRIPTION' } };

/** What Nova answers an update with: the show view without its extensions' attributes (Tempest's common_show_server). */
export const UPDATED_SERVER_KEYS = [
  'id', 'name', 'status', 'image', 'flavor', 'fault', 'user_id', 'tenant_id', 'created', 'updated', 'progress', 'metadata', 'links', 'addresses', 'hostId', 'OS-DCF:diskConfig', 'accessIPv4', 'accessIPv6',
] as const;

/** Which of the detail's keys an update answers depends on the version (servers.versioned-view.ts#updatedServerView). */
export const updateServerResponse = strictObject({ server: serverDetail });

/** A rebuild answers the update view with the new admin password (Tempest's rebuild_server_with_admin_pass), and user_data from 2.57. */
export const rebuildServerResponse = strictObject({ server: strictObject({ ...serverDetail.properties, adminPass: Type.String(), user_data: Type.Optional(nullableString) }) });
