// GET /servers/{id}/topology's answer (2.78), as Nova's schemas/server_topology.py: the guest's
// NUMA nodes and page size.
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

export const serverTopologyResponse = strictObject({
  nodes: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  pagesize_kb: Type.Union([Type.Integer(), Type.Null()]),
});
