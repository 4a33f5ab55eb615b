// Nova's host_status (2.16): the state of the nova-compute service on the server's host, here
// the Node its Pod runs on. No host (or a host no longer known) is "", a cordoned node (a
// disabled service) MAINTENANCE, a Ready one UP, any other UNKNOWN (its heartbeat is stale), as
// Nova's compute API computes it.
import type { Server } from '../../../../../crds/types.generated.js';
import type { Node } from '../../../../../crds/kube-types.js';
import type { Stores } from '../../../deps.js';

export type HostStatus = '' | 'UP' | 'DOWN' | 'MAINTENANCE' | 'UNKNOWN';

export function nodeHostStatus(node: Node | undefined): HostStatus {
  if (!node) return '';
  if (node.spec?.unschedulable) return 'MAINTENANCE';
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? 'UP' : 'UNKNOWN';
}

export function hostStatus(stores: Stores, s: Server): HostStatus {
  const host = s.status?.host;
  return host ? nodeHostStatus(stores.nodes.get(host)) : '';
}
