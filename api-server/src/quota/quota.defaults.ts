// Each service's default quotas, as Nova, Neutron and Cinder ship them ([quota] options), and how
// a project's limit for a resource is found: the project's own, else its quota class "default"
// (os-quota-class-sets), else these. -1 is unlimited.
import type { Quota, QuotaClass } from '../../../crds/types.generated.js';

export type QuotaService = Quota['spec']['service'];
export type Limits = Record<string, number>;

export const UNLIMITED = -1;
export const DEFAULT_QUOTA_CLASS = 'default';

/** Nova's [quota] defaults (the resources Nova still counts; 2.36 dropped the network ones). */
export const NOVA_DEFAULTS: Limits = {
  instances: 10,
  cores: 20,
  ram: 51200,
  key_pairs: 100,
  server_groups: 10,
  server_group_members: 10,
  metadata_items: 128,
  injected_files: 5,
  injected_file_content_bytes: 10240,
  injected_file_path_bytes: 255,
};

/** Neutron's [quotas] defaults. */
export const NEUTRON_DEFAULTS: Limits = {
  network: 100,
  subnet: 100,
  subnetpool: UNLIMITED,
  port: 500,
  router: 10,
  floatingip: 50,
  security_group: 10,
  security_group_rule: 100,
  rbac_policy: 10,
};

/** Cinder's [DEFAULT] quota_* defaults; per volume type limits (volumes_<type>...) default to unlimited. */
export const CINDER_DEFAULTS: Limits = {
  volumes: 10,
  snapshots: 10,
  gigabytes: 1000,
  backups: 10,
  backup_gigabytes: 1000,
  per_volume_gigabytes: UNLIMITED,
  groups: 10,
};

export const SERVICE_DEFAULTS: Record<QuotaService, Limits> = { compute: NOVA_DEFAULTS, network: NEUTRON_DEFAULTS, volume: CINDER_DEFAULTS };

/** The QuotaClass object holding a class's limits for one service. */
export function quotaClassName(service: QuotaService, className: string): string {
  return `${service}.${className}`;
}

/** The class defaults: the built-in ones overridden by the "default" QuotaClass, when there is one. */
export function classLimits(service: QuotaService, quotaClass: QuotaClass | undefined): Limits {
  return { ...SERVICE_DEFAULTS[service], ...(quotaClass?.spec.limits ?? {}) };
}

/**
 * The limit a resource is counted against. A scoped resource `<limit>:<scope>` (a server group's
 * members, `server_group_members:<group id>`; a user's keypairs, `key_pairs:<user id>`) is counted
 * per scope, each scope against the one limit before the colon, as Nova counts members per group.
 */
export function limitResource(resource: string): string {
  const colon = resource.indexOf(':');
  return colon < 0 ? resource : resource.slice(0, colon);
}

/** The project's limit for a resource: its own, else the class's, else unlimited (scoped resources: their limit's). */
export function projectLimit(quota: Quota | undefined, defaults: Limits, resource: string): number {
  const base = limitResource(resource);
  return quota?.spec.limits?.[resource] ?? quota?.spec.limits?.[base] ?? defaults[resource] ?? defaults[base] ?? UNLIMITED;
}

/** Nova's per-user limit: the user's own, else the project's. */
export function userLimit(quota: Quota | undefined, defaults: Limits, resource: string, userId: string): number {
  const own = quota?.spec.userLimits?.[userId];
  return own?.[resource] ?? own?.[limitResource(resource)] ?? projectLimit(quota, defaults, resource);
}
