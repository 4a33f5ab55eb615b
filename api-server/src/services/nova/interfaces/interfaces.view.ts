// A server's port → Nova's interfaceAttachment.
import type { Static } from '@sinclair/typebox';
import type { Port } from '../../../../../crds/types.generated.js';
import type { interfaceAttachment } from './interfaces.schema.js';

export function interfaceView(p: Port): Static<typeof interfaceAttachment> {
  return {
    port_id: p.metadata.name,
    net_id: p.spec.networkId,
    mac_addr: p.spec.macAddress,
    port_state: p.status?.status ?? 'DOWN',
    fixed_ips: (p.spec.fixedIps ?? []).map((f) => ({ subnet_id: f.subnetId, ip_address: f.ipAddress })),
  };
}
