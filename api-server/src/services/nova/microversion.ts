// Nova microversion negotiation. We advertise only the versions whose behaviour is implemented:
// each change up to MAX_VERSION that touches a resource served is named in MV, as in Nova's
// api/openstack/api_version_request.py, and the code asks at(mv, CHANGE) rather than comparing
// version strings. Versions that change only what is not served (os-services, hypervisors,
// migrations, aggregates, fixed IPs, consoles...) have no entry: those APIs are a 404 at
// any version.
import { badRequest, type ApiError } from '../../common/errors.js';
import { atLeast, microversionNegotiator } from '../../common/microversion.js';

export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.79';

export const MV = {
  /** Keypair `type` (ssh, x509); keypair create answers 201 and delete 204. */
  KEYPAIR_TYPE: '2.2',
  /** The admin's extended attributes (reservation_id, launch_index, hostname, kernel_id, ramdisk_id, root_device_name, user_data) and delete_on_termination in volumes_attached. */
  EXTENDED_ATTRIBUTES: '2.3',
  /** POST /servers/{id}/remote-consoles; the os-getVNCConsole, os-getSPICEConsole, os-getRDPConsole and os-getSerialConsole actions are a 404. */
  REMOTE_CONSOLES: '2.6',
  /** ip6 is a filter a non-admin may use. */
  IP6_FILTER: '2.5',
  /** `locked` in the server's detail, update and rebuild views. */
  LOCKED: '2.9',
  /** An admin acts on another user's keypairs with user_id (list, show, delete, and create in the body). */
  KEYPAIR_USER_ID: '2.10',
  /** os-services: forced_down in each service, and the force-down update. */
  SERVICE_FORCED_DOWN: '2.11',
  /** project_id and user_id in server groups. */
  SERVER_GROUP_OWNER: '2.13',
  /** soft-affinity and soft-anti-affinity server group policies. */
  SOFT_POLICIES: '2.15',
  /** host_status in the server's detail view (admins). */
  HOST_STATUS: '2.16',
  /** The server's description on create, update and rebuild, and in its views. */
  DESCRIPTION: '2.19',
  /** Volumes attach to and detach from shelved and shelved-offloaded servers. */
  SHELVED_VOLUME_ATTACH: '2.20',
  /** os-instance-actions lists (and shows) a deleted server's actions. */
  DELETED_SERVER_ACTIONS: '2.21',
  /** os-migrations: migration_type in each record (and links for live migrations in progress). */
  MIGRATION_TYPE: '2.23',
  /** /servers/{id}/tags, tags in the server's views, and the tags, tags-any, not-tags and not-tags-any filters. */
  SERVER_TAGS: '2.26',
  /** A hypervisor's cpu_info is an object, not a JSON string. */
  HYPERVISOR_CPU_INFO_OBJECT: '2.28',
  /** networks[].tag on create (until 2.37) and block_device_mapping_v2[].tag (2.32 alone); 2.42 gives both back. */
  DEVICE_TAGS: '2.32',
  BDM_TAG_DROPPED: '2.33',
  /** Hypervisor lists page with limit and marker (by id) and give hypervisors_links. */
  HYPERVISOR_PAGING: '2.33',
  /** Keypair lists page with limit and marker (by name). */
  KEYPAIR_PAGING: '2.35',
  /** The proxies to other services are a 404: Nova's /images and /os-security-groups (here). */
  PROXY_APIS_REMOVED: '2.36',
  /** os-quota-sets and /limits drop the proxied network resources (fixed_ips, floating_ips, security_groups, security_group_rules). */
  QUOTA_NETWORK_REMOVED: '2.36',
  /** networks is required on create: a list (uuids strictly), "auto" or "none"; networks[].tag dropped until 2.42. */
  NETWORKS_REQUIRED: '2.37',
  /** An unknown status filter is a 400 (below it, an empty list). */
  STATUS_FILTER_CHECKED: '2.38',
  /** /limits drops maxImageMeta (the image proxy is gone). */
  LIMITS_IMAGE_META_REMOVED: '2.39',
  /** Aggregates show their uuid. */
  AGGREGATE_UUID: '2.41',
  /** networks[].tag and block_device_mapping_v2[].tag on create again. */
  DEVICE_TAGS_RESTORED: '2.42',
  /** createImage answers {image_id} and no Location. */
  IMAGE_ID_IN_BODY: '2.45',
  /** The server's flavor is embedded (original_name, vcpus, ram, disk, ephemeral, swap, extra_specs) instead of {id, links}. */
  EMBEDDED_FLAVOR: '2.47',
  /** A tag on os-interface and os-volume_attachments attach requests. */
  ATTACH_TAGS: '2.49',
  /** os-quota-class-sets shows server_groups and server_group_members and drops the network resources. */
  QUOTA_CLASS_SERVER_GROUPS: '2.50',
  /** An instance action's events are shown to everyone (their traceback to admins). */
  EVENTS_FOR_ALL: '2.51',
  /** Server tags on create. */
  TAGS_ON_CREATE: '2.52',
  /** Hypervisors and services are named by uuid; hypervisor lists take hypervisor_hostname_pattern and with_servers (search and servers routes go); PUT /os-services/{id}. */
  HOST_UUIDS: '2.53',
  /** os-migrations: each record's uuid, limit and marker (by uuid) with migrations_links, changes-since. */
  MIGRATION_PAGING: '2.59',
  /** key_name on rebuild (null removes it), and key_name in the rebuild's answer. */
  REBUILD_KEYPAIR: '2.54',
  /** A flavor's description in every flavor view. */
  FLAVOR_DESCRIPTION: '2.55',
  /** user_data on rebuild (and in its answer); personality is gone from create and rebuild. */
  REBUILD_USER_DATA: '2.57',
  /** Quotas and /limits drop the injected file (personality) resources. */
  QUOTA_INJECTED_FILES_REMOVED: '2.57',
  /** Instance actions page (limit, marker, changes-since) and carry updated_at. */
  INSTANCE_ACTIONS_PAGING: '2.58',
  /** A multiattach volume may be attached (to several servers). */
  MULTIATTACH: '2.60',
  /** A flavor's extra_specs in its detail views. */
  FLAVOR_EXTRA_SPECS: '2.61',
  /** An instance action event's hostId (and its host, for admins). */
  EVENT_HOST: '2.62',
  /** trusted_image_certificates on create and rebuild, and in the server views. */
  TRUSTED_CERTS: '2.63',
  /** Server groups take and show one policy and its rules (no policies, no metadata). */
  SERVER_GROUP_POLICY_RULES: '2.64',
  /** The changes-before filter on servers and instance actions. */
  CHANGES_BEFORE: '2.66',
  /** block_device_mapping_v2[].volume_type for the volumes Nova creates. */
  BDM_VOLUME_TYPE: '2.67',
  /** The device tag in os-volume_attachments and os-interface answers. */
  ATTACHMENT_TAGS_SHOWN: '2.70',
  /** server_groups in the server's show, update and rebuild views. */
  SERVER_GROUPS_IN_VIEW: '2.71',
  /** lock takes a locked_reason, shown as locked_reason; locked is a list filter and a sort key. */
  LOCKED_REASON: '2.73',
  /** host and hypervisor_hostname on create (an admin's). */
  REQUESTED_DESTINATION: '2.74',
  /** Views the same for show, update and rebuild; swap 0 in flavors; unknown query parameters a 400. */
  CONSISTENT_VIEWS: '2.75',
  /** unshelve takes an availability_zone. */
  UNSHELVE_ZONE: '2.77',
  /** GET /servers/{id}/topology. */
  SERVER_TOPOLOGY: '2.78',
  /** delete_on_termination on volume attach, and in the attachment views. */
  ATTACH_DELETE_ON_TERMINATION: '2.79',
} as const;

export type Change = keyof typeof MV;

export function at(microversion: string | undefined, change: Change): boolean {
  return atLeast(microversion, MV[change]);
}

/** Request keys by the change that adds them (since) or removes them (until). */
export interface KeyVersions {
  since?: Partial<Record<string, Change>>;
  until?: Partial<Record<string, Change>>;
}

/**
 * A request's schema is the union of every version's; a key sent outside the versions that take
 * it is Nova's additionalProperties 400, as that version's own schema would answer.
 */
export function refuseKeysOutsideVersion(field: string, req: object, mv: string | undefined, { since = {}, until = {} }: KeyVersions): void {
  const refused = Object.keys(req).filter((k) => (since[k] !== undefined && !at(mv, since[k])) || (until[k] !== undefined && at(mv, until[k])));
  if (refused.length) throw unexpectedKeys(field, req, refused);
}

/** From 2.75 a query key the version's schema does not have is Nova's 400 (below it, ignored). */
export function refuseUnknownQueryKeys(query: Record<string, unknown>, known: readonly string[], mv: string | undefined): void {
  if (!at(mv, 'CONSISTENT_VIEWS')) return;
  const unknown = Object.keys(query).filter((k) => !known.includes(k));
  if (unknown.length) throw unexpectedKeys('query parameters', query, unknown);
}

/** Nova's (jsonschema's) 400 for keys a schema does not have. */
export function unexpectedKeys(field: string, req: object, keys: string[]): ApiError {
  const quoted = keys.map((k) => `'${k}'`).join(', ');
  return badRequest(`Invalid input for field/attribute ${field}. Value: ${JSON.stringify(req)}. Additional properties are not allowed (${quoted} ${keys.length > 1 ? 'were' : 'was'} unexpected)`);
}

export const negotiate = microversionNegotiator({ service: 'compute', legacyHeader: 'X-OpenStack-Nova-API-Version', min: MIN_VERSION, max: MAX_VERSION });
