// Servers → Nova's simple tenant usage over a period (SimpleTenantUsageController): each server's
// hours from its launch (status.launchedAt) to the period's end, times its flavor's vCPUs, RAM and
// disk. Deleted servers are not kept anywhere with their flavor and launch time, so their usage
// (Nova's terminated instances) is not counted.
import type { Flavor, Server } from '../../../../../crds/types.generated.js';
import { isoMicrosNoZone } from '../../../common/time.js';
import type { ServerUsage, TenantUsage } from './simple-tenant-usage.schema.js';

export interface Period {
  start: Date;
  stop: Date;
}

const HOUR_MS = 3_600_000;

/** Nova's _hours_for without termination: from max(launch, start) to the period's end. */
export function hoursIn(launchedAt: string, period: Period): number {
  const launched = Date.parse(launchedAt);
  if (launched > period.stop.getTime()) return 0;
  return (period.stop.getTime() - Math.max(launched, period.start.getTime())) / HOUR_MS;
}

/** A flavor gone since (deleted) counts as nothing, as Nova's usage of an instance without one. */
function sizeOf(flavor: Flavor | undefined): { flavor: string; vcpus: number; memory_mb: number; local_gb: number } {
  if (!flavor) return { flavor: '', vcpus: 0, memory_mb: 0, local_gb: 0 };
  return { flavor: flavor.spec.name, vcpus: flavor.spec.vcpus, memory_mb: flavor.spec.ramMiB, local_gb: flavor.spec.diskGiB + (flavor.spec.ephemeralGiB ?? 0) };
}

/** One launched server's usage (its status.launchedAt is set). */
export function serverUsageView(server: Server, flavor: Flavor | undefined, period: Period, now: Date): ServerUsage {
  const launchedAt = server.status?.launchedAt ?? now.toISOString();
  return {
    instance_id: server.metadata.name,
    name: server.spec.name,
    tenant_id: server.spec.projectId,
    ...sizeOf(flavor),
    hours: hoursIn(launchedAt, period),
    started_at: isoMicrosNoZone(launchedAt),
    ended_at: null,
    state: server.status?.vmState ?? 'building',
    uptime: Math.floor((now.getTime() - Date.parse(launchedAt)) / 1000),
  };
}

/** One summary per project, in the order their first server comes, as Nova's OrderedDict. */
export function tenantUsagesView(usages: ServerUsage[], period: Period, detailed: boolean): TenantUsage[] {
  const byTenant = new Map<string, TenantUsage>();
  for (const u of usages) {
    const summary = byTenant.get(u.tenant_id) ?? {
      tenant_id: u.tenant_id, ...(detailed ? { server_usages: [] } : {}),
      total_local_gb_usage: 0, total_vcpus_usage: 0, total_memory_mb_usage: 0, total_hours: 0,
      start: isoMicrosNoZone(period.start), stop: isoMicrosNoZone(period.stop),
    };
    summary.total_local_gb_usage += u.local_gb * u.hours;
    summary.total_vcpus_usage += u.vcpus * u.hours;
    summary.total_memory_mb_usage += u.memory_mb * u.hours;
    summary.total_hours += u.hours;
    summary.server_usages?.push(u);
    byTenant.set(u.tenant_id, summary);
  }
  return [...byTenant.values()];
}
