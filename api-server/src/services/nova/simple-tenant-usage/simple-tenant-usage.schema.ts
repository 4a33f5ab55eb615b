// Schemas of /os-simple-tenant-usage, as Nova's schemas/simple_tenant_usage.py at 2.1 (paging,
// 2.40, is not advertised).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, strictObject } from '../../../common/parameter-types.js';

export const tenantUsageQuery = querySchema({ start: queryString, end: queryString, detailed: queryString });

const serverUsage = strictObject({
  instance_id: Type.String(),
  name: Type.String(),
  tenant_id: Type.String(),
  flavor: Type.String(),
  hours: Type.Number(),
  vcpus: Type.Integer(),
  memory_mb: Type.Integer(),
  local_gb: Type.Integer(),
  started_at: Type.String(),
  ended_at: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  uptime: Type.Integer(),
});

const tenantUsage = strictObject({
  tenant_id: Type.String(),
  server_usages: Type.Optional(Type.Array(serverUsage)),
  total_local_gb_usage: Type.Number(),
  total_vcpus_usage: Type.Number(),
  total_memory_mb_usage: Type.Number(),
  total_hours: Type.Number(),
  start: Type.String(),
  stop: Type.String(),
});

export const listTenantUsagesResponse = strictObject({ tenant_usages: Type.Array(tenantUsage) });
/** A project with no usage in the period is answered as an empty object, as Nova does. */
export const showTenantUsageResponse = strictObject({ tenant_usage: Type.Union([tenantUsage, strictObject({})]) });

export type ServerUsage = Static<typeof serverUsage>;
export type TenantUsage = Static<typeof tenantUsage>;
