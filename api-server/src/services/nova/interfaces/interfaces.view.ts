// A server's port → Nova's interfaceAttachment; from 2.70 with the device tag it was attached with.
import type { Static } from '@sinclair/typebox';
import type { Port } from '../../../../../crds/types.generated.js';
import { at } from '../microversion.js';
import type { PortRef } from '../servers/servers.networks.js';
import type { interfaceAttachment } from './interfaces.schema.js';

export function interfaceView(p: Port, ref?: PortRef, mv?: string): Static<typeof interfaceAttachment> {
  return {
    ...(at(mv, 'ATTACHMENT_TAGS_SHOWN') ? { tag: ref?.tag ?? null } : {}),
    port_id: p.metadata.name,
    net_id: p.spec.networkId,
    mac_addr: p.spec.macAddress,
    port_state: p.status?.status ?? 'DOWN',
    fixed_ips: (p.spec.fixedIps ?? []).map((f) => ({ subnet_id: f.subnetId, ip_address: f.ipAddress })),
  };
}
