// The server views past 2.1: what each microversion adds to (or changes in) the 2.1 view of
// servers.view.ts, as Nova's views/servers.py show() does. GET /servers/{id} and /servers/detail
// show everything their version has; PUT /servers/{id} and rebuild show the 2.1 update view plus
// the fields Nova adds there unconditionally (locked, description...), and from 2.75 the full view.
import type { Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { at, type Change } from '../microversion.js';
import { attachedVolumes } from '../volume-attachments/volume-attachments.release.js';
import { UPDATED_SERVER_KEYS, type serverDetail } from './servers.schema.js';
import { hostStatus } from './servers.host-status.js';
import { plainAddresses, serverView } from './servers.view.js';

type ServerDetail = Static<typeof serverDetail>;

/** Which view is built: a read (show, detail list) or the answer to an update or a rebuild. */
export type ViewKind = 'show' | 'detail' | 'update' | 'rebuild';

export interface ViewScope {
  microversion?: string;
  isAdmin: boolean;
  kind: ViewKind;
}

/** Nova's libvirt driver names the root disk so; kernels and ramdisks come from the image's properties. */
const ROOT_DEVICE_NAME = '/dev/vda';

/** 2.3's extended attributes, Nova's admin-only os-extended-server-attributes policy. */
function extendedAttributes(stores: Stores, s: Server, withUserData: boolean): Partial<ServerDetail> {
  const props = s.spec.imageRef ? (stores.images.get(s.spec.imageRef)?.spec.properties ?? {}) : {};
  return {
    'OS-EXT-SRV-ATTR:reservation_id': s.spec.reservationId ?? null,
    'OS-EXT-SRV-ATTR:launch_index': s.spec.launchIndex ?? 0,
    'OS-EXT-SRV-ATTR:hostname': s.spec.hostname ?? '',
    'OS-EXT-SRV-ATTR:kernel_id': props.kernel_id ?? '',
    'OS-EXT-SRV-ATTR:ramdisk_id': props.ramdisk_id ?? '',
    'OS-EXT-SRV-ATTR:root_device_name': ROOT_DEVICE_NAME,
    ...(withUserData ? { 'OS-EXT-SRV-ATTR:user_data': s.spec.userData ?? null } : {}),
  };
}

/** What reads show from 2.3 that the 2.1 view does not: the extended attributes and each volume's delete_on_termination. */
function readFields(stores: Stores, s: Server, scope: ViewScope): Partial<ServerDetail> {
  const mv = scope.microversion;
  if (!at(mv, 'EXTENDED_ATTRIBUTES')) return {};
  const volumes = attachedVolumes(stores, s).map((v) => ({ id: v.id, delete_on_termination: v.deleteOnTermination }));
  // A rebuild answers user_data under its own key from 2.57, never as the extended attribute.
  const attributes = scope.isAdmin ? extendedAttributes(stores, s, scope.kind !== 'rebuild') : {};
  const status = at(mv, 'HOST_STATUS') && scope.isAdmin ? { host_status: hostStatus(stores, s) } : {};
  return { 'os-extended-volumes:volumes_attached': volumes, ...attributes, ...status };
}

/**
 * 2.47's flavor: the server's flavor's own values (Nova's copy in the instance; here the Flavor,
 * which this API never changes or deletes), its extra specs for anyone who may read the server
 * (Nova's show:flavor-extra-specs default, a project reader).
 */
function embeddedFlavor(stores: Stores, s: Server): ServerDetail['flavor'] {
  const f = stores.flavors.get(s.spec.flavorRef)?.spec;
  // Nova answers {} for an instance whose flavor is gone.
  if (!f) return {};
  return { original_name: f.name, vcpus: f.vcpus, ram: f.ramMiB, disk: f.diskGiB, ephemeral: f.ephemeralGiB ?? 0, swap: f.swapMiB ?? 0, extra_specs: f.extraSpecs ?? {} };
}

/** 2.71: the groups the server is in (the one its create named, while that group exists). */
function serverGroupsOf(stores: Stores, s: Server): string[] {
  const id = s.spec.serverGroup?.id;
  return id && stores.serverGroups.get(id, s.metadata.namespace) ? [id] : [];
}

type FieldsOf = (stores: Stores, s: Server, scope: ViewScope) => Partial<ServerDetail>;

/** What every view (reads, updates and rebuilds alike; server_groups not in the detail list) has from its version on. */
const VERSIONED_FIELDS: [Change, FieldsOf][] = [
  ['EMBEDDED_FLAVOR', (stores, s) => ({ flavor: embeddedFlavor(stores, s) })],
  ['LOCKED', (_stores, s) => ({ locked: s.spec.lock !== undefined })],
  ['DESCRIPTION', (_stores, s) => ({ description: s.spec.description ?? null })],
  ['SERVER_TAGS', (_stores, s) => ({ tags: s.spec.tags ?? [] })],
  // Always null: a request naming certificates is refused (servers.create-versions.ts).
  ['TRUSTED_CERTS', () => ({ trusted_image_certificates: null })],
  ['SERVER_GROUPS_IN_VIEW', (stores, s, scope) => (scope.kind === 'detail' ? {} : { server_groups: serverGroupsOf(stores, s) })],
  ['LOCKED_REASON', (_stores, s) => ({ locked_reason: s.spec.lock?.reason ?? null })],
];

function alwaysFields(stores: Stores, s: Server, scope: ViewScope): Partial<ServerDetail> {
  return Object.assign({}, ...VERSIONED_FIELDS.filter(([change]) => at(scope.microversion, change)).map(([, fields]) => fields(stores, s, scope))) as Partial<ServerDetail>;
}

/** GET /servers/{id} and each entry of /servers/detail at the request's microversion. */
export function versionedServerView(stores: Stores, base: string, s: Server, scope: ViewScope): ServerDetail {
  const v21 = serverView(base, s, scope.isAdmin, attachedVolumes(stores, s).map((v) => v.id));
  return { ...v21, ...readFields(stores, s, scope), ...alwaysFields(stores, s, scope) };
}

/**
 * What an update (and a rebuild) answers: Nova's show view without its extensions' attributes
 * (each address its version and addr alone), plus what the version adds to every view.
 */
export function updatedServerView(stores: Stores, base: string, s: Server, scope: ViewScope): Record<string, unknown> {
  const full = versionedServerView(stores, base, s, scope) as Record<string, unknown>;
  // 2.75: what GET answers (a rebuild's user data under its own key, not the extended attribute's).
  if (at(scope.microversion, 'CONSISTENT_VIEWS')) return full;
  const rebuildKey = scope.kind === 'rebuild' && at(scope.microversion, 'REBUILD_KEYPAIR') ? ['key_name'] : [];
  const kept = [...UPDATED_SERVER_KEYS, ...Object.keys(alwaysFields(stores, s, scope)), ...rebuildKey];
  return Object.fromEntries(kept.filter((k) => k in full).map((k) => [k, k === 'addresses' ? plainAddresses(s) : full[k]]));
}
