// What microversions change in a server create request beyond new keys (servers.schema.ts#CREATE_KEYS):
// device tags on networks (2.32 to 2.36, and from 2.42) and block devices (2.32, and from 2.42),
// from 2.37 a required `networks` that may be "auto" or "none", its uuids strictly UUIDs, and
// server tags from 2.52. Each refusal is the 400 the version's own schema would give.
import type { Node } from '../../../../../crds/kube-types.js';
import { badRequest, forbidden } from '../../../common/errors.js';
import type { AuthContext } from '../../../common/route.js';
import { at, refuseKeysOutsideVersion, unexpectedKeys } from '../microversion.js';
import { CREATE_KEYS, type ServerCreateRequest } from './servers.schema.js';

const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

/** Versions whose schema has networks[].tag: a bug dropped it from 2.37 until 2.42. */
const networkTagged = (mv: string | undefined): boolean => (at(mv, 'DEVICE_TAGS') && !at(mv, 'NETWORKS_REQUIRED')) || at(mv, 'DEVICE_TAGS_RESTORED');
/** Versions whose schema has block_device_mapping_v2[].tag: dropped from 2.33 until 2.42. */
const bdmTagged = (mv: string | undefined): boolean => (at(mv, 'DEVICE_TAGS') && !at(mv, 'BDM_TAG_DROPPED')) || at(mv, 'DEVICE_TAGS_RESTORED');

function checkNetworks(body: ServerCreateRequest, mv: string | undefined): void {
  const { networks } = body;
  if (at(mv, 'NETWORKS_REQUIRED')) {
    if (networks === undefined) throw badRequest(`Invalid input for field/attribute server. Value: ${JSON.stringify(body)}. 'networks' is a required property`);
    const bad = Array.isArray(networks) ? networks.find((n) => n.uuid !== undefined && !UUID.test(n.uuid)) : undefined;
    if (bad) throw badRequest(`Invalid input for field/attribute uuid. Value: ${bad.uuid}. '${bad.uuid}' is not a 'uuid'`);
  } else if (typeof networks === 'string') {
    throw badRequest(`Invalid input for field/attribute networks. Value: ${networks}. '${networks}' is not of type 'array'`);
  }
  for (const n of Array.isArray(networks) ? networks : []) {
    if (n.tag !== undefined && !networkTagged(mv)) throw unexpectedKeys('networks', n, ['tag']);
  }
}

function checkBlockDevices(body: ServerCreateRequest, mv: string | undefined): void {
  for (const b of body.block_device_mapping_v2 ?? []) {
    if (b.tag !== undefined && !bdmTagged(mv)) throw unexpectedKeys('block_device_mapping_v2', b, ['tag']);
    refuseKeysOutsideVersion('block_device_mapping_v2', b, mv, { since: { volume_type: 'BDM_VOLUME_TYPE' } });
  }
}

/**
 * 2.63's trusted_image_certificates ask Nova to verify the image's Glance signature against them
 * before it boots. Images here are container images with no Glance signature, and nothing
 * verifies one: a list is refused rather than recorded as if checked (null asks for nothing).
 */
export function refuseTrustedCertificates(certs: string[] | null | undefined): void {
  if (certs?.length) throw badRequest('Image signature certificate validation is not supported: trusted_image_certificates cannot be honoured by this cloud.');
}

/**
 * 2.74's host and hypervisor_hostname (Nova's requested_destination, an admin's: 403 for anyone
 * else): an unknown node is Nova's 400; a known one is refused too, since the operator places
 * Pods by zone and server group only and cannot honour a requested node.
 */
export function refuseRequestedDestination(body: ServerCreateRequest, auth: AuthContext, nodes: readonly Node[]): void {
  const asked = body.host ?? body.hypervisor_hostname;
  if (asked === undefined) return;
  if (!auth.isAdmin) throw forbidden("Policy doesn't allow compute:servers:create:requested_destination to be performed.");
  if (!nodes.some((n) => n.metadata.name === asked)) throw badRequest(`Compute host ${asked} could not be found.`);
  throw badRequest(`Requesting a destination host is not supported: ${asked} cannot be asked for.`);
}

export function checkCreateVersion(body: ServerCreateRequest, mv: string | undefined): void {
  refuseKeysOutsideVersion('server', body, mv, CREATE_KEYS);
  if (body.tags?.length && !at(mv, 'TAGS_ON_CREATE')) throw unexpectedKeys('server', body, ['tags']);
  checkNetworks(body, mv);
  checkBlockDevices(body, mv);
  refuseTrustedCertificates(body.trusted_image_certificates);
}
