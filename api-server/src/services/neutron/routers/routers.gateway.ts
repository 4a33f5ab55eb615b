// A router's external gateway: a port on an external network, owned by no project (as Neutron's
// gateway ports are), with an address from the external subnet. Setting a new gateway claims the
// new port before the old one goes; clearing it deletes the port.
import type { Static } from '@sinclair/typebox';
import type { Router } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { floatingIpsViaRouter } from '../floating-ips/floating-ips.access.js';
import { neutronBadRequest, neutronConflict, toBool } from '../neutron.errors.js';
import { findNetwork } from '../networks/networks.access.js';
import { createDevicePort } from '../ports/ports.devices.js';
import { deletePort } from '../ports/ports.handlers.js';
import { GATEWAY_OWNER, gatewayPort } from './routers.access.js';
import type { gatewayInfo } from './routers.schema.js';

type GatewayInfo = Static<typeof gatewayInfo>;
export type Gateway = NonNullable<Router['spec']['externalGateway']>;

const wantsGateway = (info: GatewayInfo | undefined): info is { network_id: string; enable_snat?: boolean | string; external_fixed_ips?: { subnet_id?: string; ip_address?: string }[] } =>
  info !== undefined && info !== null && 'network_id' in info;

/** 409 while floating IPs on the current external network are routed through this router, and it would leave it. */
function checkNoFloatingIpNeeds(stores: Stores, r: Router, nextNetworkId: string | undefined): void {
  const current = r.spec.externalGateway?.networkId;
  if (!current || current === nextNetworkId || !floatingIpsViaRouter(stores, r.metadata.name).length) return;
  throw neutronConflict('RouterExternalGatewayInUseByFloatingIp', `Gateway cannot be updated for router ${r.metadata.name}, since a gateway to external network ${current} is required by one or more floating IPs.`);
}

/** The gateway the request asks for: undefined leaves it, null clears it. */
export async function plannedGateway(stores: Stores, auth: AuthContext, r: Router, info: GatewayInfo | undefined): Promise<Gateway | null | undefined> {
  if (info === undefined) return undefined;
  checkNoFloatingIpNeeds(stores, r, wantsGateway(info) ? info.network_id : undefined);
  if (!wantsGateway(info)) return null;
  const net = findNetwork(stores.networks, auth, info.network_id);
  if (!net.spec.external) throw neutronBadRequest(`Bad router request: Network ${info.network_id} is not a valid external network.`);
  const port = await createDevicePort(stores, {
    network: net, fixedIps: info.external_fixed_ips, projectId: '', namespace: r.metadata.namespace, deviceId: r.metadata.name, deviceOwner: GATEWAY_OWNER,
  });
  return { networkId: net.metadata.name, portId: port.metadata.name, enableSnat: toBool(info.enable_snat) ?? true };
}

/** Deletes the gateway port the router no longer uses. */
export async function releaseGateway(stores: Stores, r: Router): Promise<void> {
  const port = gatewayPort(stores, r);
  if (port) await deletePort(stores, port);
}
