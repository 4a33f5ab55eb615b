// Router CR (and its gateway Port) → Neutron router body.
import type { Static } from '@sinclair/typebox';
import type { Port, Router } from '../../../../../crds/types.generated.js';
import { standardFields } from '../neutron.view.js';
import type { router } from './routers.schema.js';

type RouterBody = Static<typeof router>;

function gatewayView(r: Router, gatewayPort: Port | undefined): RouterBody['external_gateway_info'] {
  const gw = r.spec.externalGateway;
  if (!gw) return null;
  return {
    network_id: gw.networkId,
    enable_snat: gw.enableSnat ?? true,
    external_fixed_ips: (gatewayPort?.spec.fixedIps ?? []).map((f) => ({ subnet_id: f.subnetId, ip_address: f.ipAddress })),
  };
}

export function routerView(r: Router, gatewayPort: Port | undefined): RouterBody {
  return {
    ...standardFields(r),
    id: r.metadata.name,
    name: r.spec.name,
    description: r.spec.description ?? '',
    // Nothing is scheduled for a router here: it is ACTIVE from its creation.
    status: 'ACTIVE',
    admin_state_up: r.spec.adminStateUp ?? true,
    external_gateway_info: gatewayView(r, gatewayPort),
    routes: r.spec.routes ?? [],
    distributed: false,
    ha: false,
    availability_zone_hints: [],
    availability_zones: [],
  };
}
