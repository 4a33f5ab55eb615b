// A server's NUMA topology, as Nova shows an instance without one (no NUMA cells were asked of
// its flavor): no nodes, no page size. A Pod's CPU and memory are not placed on NUMA cells here.
import type { Static } from '@sinclair/typebox';
import type { serverTopologyResponse } from './server-topology.schema.js';

export function serverTopologyView(): Static<typeof serverTopologyResponse> {
  return { nodes: [], pagesize_kb: null };
}
