// Node → Nova's nova-compute service. Only nova-compute is listed: it is the one service whose
// state the cluster tells truthfully (the Node's Ready heartbeat and its cordon); Kubernetes'
// scheduler and this operator stand where nova-scheduler and nova-conductor would, but the API
// server cannot see their health, and Nova refuses to update them anyway.
import { ZONE_LABEL } from '../../../../../crds/naming.js';
import type { Node } from '../../../../../crds/kube-types.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import { at } from '../microversion.js';
import { DEFAULT_COMPUTE_ZONE } from '../availability-zones/availability-zones.view.js';
import { disabledReason, idAt, isDisabled, isForcedDown, isUp, lastHeartbeat } from '../hypervisors/hypervisors.hosts.js';
import type { ComputeService } from './compute-services.schema.js';

export const COMPUTE_BINARY = 'nova-compute';

export function computeServiceView(node: Node, mv: string | undefined): ComputeService {
  const heartbeat = lastHeartbeat(node);
  return {
    id: idAt(node, 'service', at(mv, 'HOST_UUIDS')),
    binary: COMPUTE_BINARY,
    host: node.metadata.name,
    zone: node.metadata.labels?.[ZONE_LABEL] || DEFAULT_COMPUTE_ZONE,
    status: isDisabled(node) ? 'disabled' : 'enabled',
    state: isUp(node) ? 'up' : 'down',
    updated_at: heartbeat ? isoMicrosNoZone(heartbeat) : null,
    disabled_reason: disabledReason(node),
    ...(at(mv, 'SERVICE_FORCED_DOWN') ? { forced_down: isForcedDown(node) } : {}),
  };
}
