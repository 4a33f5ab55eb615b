// What a guest learns about itself, as Nova's metadata service and config drive tell it: the
// OpenStack documents (meta_data.json, network_data.json, user_data, vendor data) and the
// EC2-style meta-data. One pure builder for both programs: the operator writes these files into a
// server's config drive (a read-only Secret volume), and the API server's metadata routes answer
// them, so the two can never disagree.
import type { Server } from './types.generated.js';

/** The OpenStack metadata versions Nova lists before `latest` (the config drive has the same directories). */
export const OPENSTACK_VERSIONS = ['2012-08-10', '2013-04-04', '2013-10-17', '2015-10-15', '2016-06-30', '2016-10-06', '2017-02-22', '2018-08-27', '2020-10-14'];

/** The files of one OpenStack metadata version directory: their names and their contents. */
export type GuestFiles = Record<string, string>;

type Address = NonNullable<NonNullable<Server['status']>['addresses']>[string][number];

function hostnameOf(server: Server): string {
  return server.spec.hostname ?? server.spec.name;
}

/** Nova's meta_data.json: identity, placement, user metadata and the injected key. */
export function metaData(server: Server): Record<string, unknown> {
  const { keyName, keyData } = server.spec;
  const keys = keyName && keyData ? { public_keys: { [keyName]: keyData }, keys: [{ name: keyName, type: 'ssh', data: keyData }] } : {};
  return {
    uuid: server.metadata.name,
    name: server.spec.name,
    hostname: hostnameOf(server),
    launch_index: server.spec.launchIndex ?? 0,
    availability_zone: zoneOf(server),
    project_id: server.spec.projectId,
    meta: server.spec.metadata ?? {},
    ...keys,
    devices: [],
  };
}

function fixedAddresses(server: Server): { network: string; address: Address }[] {
  const out: { network: string; address: Address }[] = [];
  for (const [network, list] of Object.entries(server.status?.addresses ?? {})) {
    for (const address of list) if ((address.type ?? 'fixed') === 'fixed') out.push({ network, address });
  }
  return out;
}

/** Nova's network_data.json: one link per MAC and one network per fixed address (DHCP, as Neutron's default subnets). */
export function networkData(server: Server): Record<string, unknown> {
  const fixed = fixedAddresses(server);
  const macs = [...new Set(fixed.map((f) => f.address.macAddr ?? ''))];
  const links = macs.map((mac, i) => ({ id: `tap${i}`, type: 'phy', ethernet_mac_address: mac, mtu: 1500, vif_id: `${server.metadata.name}-${i}` }));
  const networks = fixed.map((f, i) => ({
    id: `network${i}`,
    type: f.address.version === 6 ? 'ipv6_dhcp' : 'ipv4_dhcp',
    link: `tap${macs.indexOf(f.address.macAddr ?? '')}`,
    network_id: f.network,
  }));
  return { links, networks, services: [] };
}

function decodedUserData(server: Server): string | undefined {
  return server.spec.userData ? Buffer.from(server.spec.userData, 'base64').toString('utf8') : undefined;
}

/** The files of an OpenStack metadata version directory (`openstack/latest/` and the dated ones). */
export function openstackFiles(server: Server): GuestFiles {
  const userData = decodedUserData(server);
  return {
    'meta_data.json': JSON.stringify(metaData(server)),
    'network_data.json': JSON.stringify(networkData(server)),
    'vendor_data.json': '{}',
    'vendor_data2.json': '{}',
    ...(userData !== undefined ? { user_data: userData } : {}),
  };
}

function zoneOf(server: Server): string {
  return server.status?.availabilityZone ?? server.spec.availabilityZone ?? 'nova';
}

/** The first fixed IPv4 address (EC2's local-ipv4) and the first floating one (public-ipv4). */
function ec2Addresses(server: Server): Record<'local-ipv4' | 'public-ipv4', string> {
  const local = fixedAddresses(server).find((f) => f.address.version === 4)?.address.addr ?? '';
  const floating = Object.values(server.status?.addresses ?? {}).flat().find((a) => a.type === 'floating')?.addr ?? '';
  return { 'local-ipv4': local, 'public-ipv4': floating };
}

/** EC2's meta-data tree: a leaf is a string, a directory an object (listed with a trailing '/'). */
export interface Ec2Tree {
  [key: string]: string | Ec2Tree;
}

/** The EC2-style meta-data, as Nova's metadata service and the drive's ec2/latest/meta-data.json give it. */
export function ec2MetaData(server: Server): Ec2Tree {
  const hostname = hostnameOf(server);
  const { keyName, keyData } = server.spec;
  return {
    ...ec2Addresses(server),
    'ami-id': server.spec.imageRef ?? '',
    'ami-launch-index': String(server.spec.launchIndex ?? 0),
    hostname,
    'instance-id': server.metadata.name,
    'instance-type': server.spec.flavorRef,
    'local-hostname': hostname,
    'public-hostname': hostname,
    placement: { 'availability-zone': zoneOf(server) },
    'reservation-id': server.spec.reservationId ?? '',
    ...(keyName && keyData ? { 'public-keys': { 0: { 'openssh-key': keyData } } } : {}),
  };
}

/**
 * The config drive, as cloud-init's ConfigDrive datasource reads it: each distinct file once (a
 * Secret key cannot hold a '/'), and the paths within the drive where each appears (every OpenStack
 * version directory holds the same documents).
 */
export function configDriveLayout(server: Server): { files: GuestFiles; paths: { key: string; path: string }[] } {
  const files: GuestFiles = { ...openstackFiles(server), 'ec2-meta-data.json': JSON.stringify(ec2MetaData(server)) };
  const userData = decodedUserData(server);
  if (userData !== undefined) files['ec2-user-data'] = userData;
  const paths: { key: string; path: string }[] = [];
  for (const version of [...OPENSTACK_VERSIONS, 'latest']) {
    for (const name of Object.keys(openstackFiles(server))) paths.push({ key: name, path: `openstack/${version}/${name}` });
  }
  paths.push({ key: 'ec2-meta-data.json', path: 'ec2/latest/meta-data.json' });
  if (userData !== undefined) paths.push({ key: 'ec2-user-data', path: 'ec2/latest/user-data' });
  return { files, paths };
}
