// Pure: the Kubernetes ResourceQuota that holds a project's namespace to its OpenStack quotas,
// so the Kubernetes side holds the same line as the API's ledger. -1 (unlimited) leaves a key out.
//
// The namespace also runs the operator's volume attachment Pods (volatt-*, one per attachment,
// requests 1m CPU / 4Mi, limits 10m / 16Mi: volume.resources.ts). They are not servers, so the
// CPU and memory lines get room for one attachment Pod per volume the project may have (its
// volumes quota; 100 when that is unlimited) on top of the servers' cores and RAM: attaching a
// volume never fails for want of server budget, and servers can never use that room (their
// Pods are Guaranteed with whole CPUs; the API's ledger refuses them first anyway).
import type { Quota, QuotaClass } from '../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../crds/naming.js';

export const RESOURCE_QUOTA_NAME = 'openstack-quota';

/** What one attachment Pod may use at most (its limits), in milli-CPU and MiB. */
export const ATTACHMENT_POD = { milliCpu: 10, memoryMiB: 16 };
/** Room for attachment Pods when the volumes quota is unlimited. */
export const UNLIMITED_VOLUMES_ROOM = 100;

const UNLIMITED = -1;

/** The services' built-in defaults the mirror needs (Nova's and Cinder's), as the API's quota.defaults.ts has them. */
const BUILT_IN: Record<'compute' | 'volume', Record<string, number>> = {
  compute: { instances: 10, cores: 20, ram: 51200 },
  volume: { volumes: 10, gigabytes: 1000 },
};

export interface ProjectQuotas {
  compute?: Quota;
  volume?: Quota;
  computeClass?: QuotaClass;
  volumeClass?: QuotaClass;
}

/** A project's limit: its own, else its "default" class's, else the service's built-in default. */
export function limitOf(q: ProjectQuotas, service: 'compute' | 'volume', resource: string): number {
  const own = service === 'compute' ? q.compute : q.volume;
  const cls = service === 'compute' ? q.computeClass : q.volumeClass;
  return own?.spec.limits?.[resource] ?? cls?.spec.limits?.[resource] ?? BUILT_IN[service][resource] ?? UNLIMITED;
}

/** spec.hard of the project's ResourceQuota. */
export function hardLimits(q: ProjectQuotas): Record<string, string> {
  const hard: Record<string, string> = {};
  const set = (keys: string[], value: number, unit: (v: number) => string): void => {
    if (value !== UNLIMITED) for (const k of keys) hard[k] = unit(value);
  };
  const volumes = limitOf(q, 'volume', 'volumes');
  const attachments = volumes === UNLIMITED ? UNLIMITED_VOLUMES_ROOM : volumes;
  // No count/servers.openstack.sim: the ledger counts instances exactly, and a hard limit on a
  // custom resource makes the apiserver refuse every Server create ("status unknown for quota")
  // until the quota controller's discovery has found the CRD, up to a minute after install.
  const cores = limitOf(q, 'compute', 'cores');
  set(['requests.cpu', 'limits.cpu'], cores, (c) => `${c * 1000 + attachments * ATTACHMENT_POD.milliCpu}m`);
  set(['requests.memory', 'limits.memory'], limitOf(q, 'compute', 'ram'), (r) => `${r + attachments * ATTACHMENT_POD.memoryMiB}Mi`);
  set(['requests.storage'], limitOf(q, 'volume', 'gigabytes'), (g) => `${g}Gi`);
  set(['persistentvolumeclaims'], volumes, String);
  return hard;
}

export interface ResourceQuotaObject {
  apiVersion: 'v1';
  kind: 'ResourceQuota';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { hard: Record<string, string> };
}

export function desiredResourceQuota(namespace: string, q: ProjectQuotas): ResourceQuotaObject {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: RESOURCE_QUOTA_NAME, namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec: { hard: hardLimits(q) } };
}
