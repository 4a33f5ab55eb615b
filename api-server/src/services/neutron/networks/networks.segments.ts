// Provider segments: validation of provider:* (Neutron's type drivers) and their atomic
// allocation. A segment is a NetworkSegment object whose name is derived from the segment itself,
// so creating it is the lock: a second network asking for the same VLAN on the same physical
// network gets AlreadyExists, whichever API server replica it reached. No in-memory lock.
import { createHash } from 'node:crypto';
import type { Network, NetworkSegment, NetworkSpec } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import type { ResourceStore } from '../../../kube/store.js';
import { neutronBadRequest, neutronConflict } from '../neutron.errors.js';

export type Provider = NonNullable<NetworkSpec['provider']>;
type NetworkType = Provider['networkType'];

/** The id range of each segmented type (VLAN 802.1Q; VXLAN and Geneve 24-bit VNIs; GRE keys capped alike). */
const RANGES: Partial<Record<NetworkType, [number, number]>> = { vlan: [1, 4094], vxlan: [1, 16777215], geneve: [1, 16777215], gre: [1, 16777215] };
const TYPES: readonly NetworkType[] = ['flat', 'vlan', 'vxlan', 'geneve', 'gre', 'local'];
/** How many free-looking ids one request tries before giving up (each try is one create). */
const MAX_ALLOCATION_TRIES = 32;

export interface ProviderRequest {
  networkType?: string;
  physicalNetwork?: string | null;
  segmentationId?: number | string | null;
}

function segmentationId(raw: ProviderRequest['segmentationId'], type: NetworkType): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const id = Number(raw);
  const [min, max] = RANGES[type] ?? [0, -1];
  if (!Number.isInteger(id) || id < min || id > max) {
    throw neutronBadRequest(`Invalid input for operation: segmentation_id ${String(raw)} is out of range for a ${type} network (${min} through ${max}).`);
  }
  return id;
}

function checkPhysicalNetwork(type: NetworkType, physical: string | undefined): void {
  const needsPhysical = type === 'flat' || type === 'vlan';
  if (needsPhysical && !physical) throw neutronBadRequest(`Invalid input for operation: physical_network required for ${type} provider network.`);
  if (!needsPhysical && physical) throw neutronBadRequest(`Invalid input for operation: physical_network is prohibited for ${type} provider network.`);
}

const given = (v: unknown): boolean => v !== undefined && v !== null;

/** The provider attributes as the type drivers accept them; undefined when none were given. */
export function validateProvider(req: ProviderRequest): Provider | undefined {
  if (req.networkType === undefined) {
    if (given(req.physicalNetwork) || given(req.segmentationId)) throw neutronBadRequest('Invalid input for operation: network_type required.');
    return undefined;
  }
  const type = req.networkType as NetworkType;
  if (!TYPES.includes(type)) throw neutronBadRequest(`Invalid input for operation: network_type value '${req.networkType}' not supported.`);
  const physical = req.physicalNetwork ?? undefined;
  checkPhysicalNetwork(type, physical);
  if (given(req.segmentationId) && !RANGES[type]) throw neutronBadRequest(`Invalid input for operation: segmentation_id specified for ${type} network.`);
  const id = segmentationId(req.segmentationId, type);
  return { networkType: type, ...(physical ? { physicalNetwork: physical } : {}), ...(id !== undefined ? { segmentationId: id } : {}) };
}

/** The NetworkSegment's name: the segment itself, hashed where a physical network name may not be a DNS label. */
export function segmentName(p: Provider, id = p.segmentationId): string {
  const physical = p.physicalNetwork ? createHash('sha256').update(p.physicalNetwork).digest('hex').slice(0, 16) : '';
  return [p.networkType, physical, id].filter((x) => x !== '' && x !== undefined).join('-');
}

function inUse(p: Provider, id: number | undefined): Error {
  if (p.networkType === 'flat') return neutronConflict('FlatNetworkInUse', `Unable to create the flat network. Physical network ${p.physicalNetwork} is in use.`);
  if (p.networkType === 'vlan') return neutronConflict('VlanIdInUse', `Unable to create the network. The VLAN ${id} on physical network ${p.physicalNetwork} is in use.`);
  return neutronConflict('TunnelIdInUse', `Unable to create the network. The tunnel ID ${id} is in use.`);
}

function segmentObject(p: Provider, id: number | undefined, net: Network): NetworkSegment {
  return {
    metadata: { name: segmentName(p, id), labels: { 'openstack.sim/network-id': net.metadata.name } },
    spec: {
      networkType: p.networkType as NetworkSegment['spec']['networkType'],
      ...(p.physicalNetwork ? { physicalNetwork: p.physicalNetwork } : {}),
      ...(id !== undefined ? { segmentationId: id } : {}),
      networkId: net.metadata.name,
      networkNamespace: net.metadata.namespace ?? '',
    },
  };
}

async function claim(segments: ResourceStore<NetworkSegment>, p: Provider, id: number | undefined, net: Network): Promise<boolean> {
  try {
    await segments.create(segmentObject(p, id, net));
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

/**
 * Claims the network's segment and returns the provider with its id filled in: the one asked for
 * (409 when taken), or the lowest free one of the type's range when none was given.
 */
export async function allocateSegment(segments: ResourceStore<NetworkSegment>, p: Provider, net: Network): Promise<Provider> {
  if (p.networkType === 'local') return p;
  if (p.networkType === 'flat' || p.segmentationId !== undefined) {
    if (!(await claim(segments, p, p.segmentationId, net))) throw inUse(p, p.segmentationId);
    return p;
  }
  const [min, max] = RANGES[p.networkType]!;
  const taken = new Set(segments.list().map((s) => s.metadata.name));
  let tries = 0;
  for (let id = min; id <= max && tries < MAX_ALLOCATION_TRIES; id++) {
    if (taken.has(segmentName(p, id))) continue;
    tries++;
    if (await claim(segments, p, id, net)) return { ...p, segmentationId: id };
  }
  throw neutronConflict('NoNetworkAvailable', 'Unable to create the network. No tenant network is available for allocation.');
}

/** Frees the segment a network held (a no-op for local networks and ones without provider attributes). */
export async function releaseSegment(segments: ResourceStore<NetworkSegment>, net: Network): Promise<void> {
  const p = net.spec.provider;
  if (!p || p.networkType === 'local') return;
  await segments.delete(segmentName(p));
}
