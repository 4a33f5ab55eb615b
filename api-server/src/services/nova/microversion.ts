// Nova microversion negotiation. We advertise only the versions whose behaviour is implemented:
// each change up to MAX_VERSION that touches a resource served is named in MV, as in Nova's
// api/openstack/api_version_request.py, and the code asks at(mv, CHANGE) rather than comparing
// version strings. Versions that change only what is not served (os-services, hypervisors,
// migrations, quotas, aggregates, fixed IPs, consoles...) have no entry: those APIs are a 404 at
// any version.
import { badRequest } from '../../common/errors.js';
import { atLeast, microversionNegotiator } from '../../common/microversion.js';

export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.26';

export const MV = {
  /** Keypair `type` (ssh, x509); keypair create answers 201 and delete 204. */
  KEYPAIR_TYPE: '2.2',
  /** The admin's extended attributes (reservation_id, launch_index, hostname, kernel_id, ramdisk_id, root_device_name, user_data) and delete_on_termination in volumes_attached. */
  EXTENDED_ATTRIBUTES: '2.3',
  /** ip6 is a filter a non-admin may use. */
  IP6_FILTER: '2.5',
  /** `locked` in the server's detail, update and rebuild views. */
  LOCKED: '2.9',
  /** An admin acts on another user's keypairs with user_id (list, show, delete, and create in the body). */
  KEYPAIR_USER_ID: '2.10',
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
  /** /servers/{id}/tags, tags in the server's views, and the tags, tags-any, not-tags and not-tags-any filters. */
  SERVER_TAGS: '2.26',
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
  if (!refused.length) return;
  const keys = refused.map((k) => `'${k}'`).join(', ');
  throw badRequest(`Invalid input for field/attribute ${field}. Value: ${JSON.stringify(req)}. Additional properties are not allowed (${keys} ${refused.length > 1 ? 'were' : 'was'} unexpected)`);
}

export const negotiate = microversionNegotiator({ service: 'compute', legacyHeader: 'X-OpenStack-Nova-API-Version', min: MIN_VERSION, max: MAX_VERSION });
