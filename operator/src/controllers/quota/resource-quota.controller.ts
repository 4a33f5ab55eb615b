// The ResourceQuota mirror: for each realized project, server-side applies `openstack-quota` in its
// namespace from its compute and volume Quotas and the "default" quota classes. A Quota or a
// quota class event enqueues the projects it bears on.
import type { Project, Quota } from '../../../../crds/types.generated.js';
import { OPERATOR_FIELD_MANAGER, projectNamespace } from '../../../../crds/naming.js';
import { Resources } from '../../../../crds/resources.js';
import type { KubeClient } from '../../../../crds/client/client.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { ObjectCache } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { desiredResourceQuota } from './resource-quota.mirror.js';

export const RESOURCE_QUOTA_CONTROLLER = 'resource-quota';

const RESOURCE_QUOTA_CACHES = ['projects', 'quotas', 'quotaClasses'] as const;
type Sources = Pick<Caches, (typeof RESOURCE_QUOTA_CACHES)[number]>;

export function watchResourceQuotas(src: Sources, enqueue: (key: string) => void): void {
  src.projects.on({ onUpsert: (p: Project) => enqueue(p.metadata.name) });
  src.quotas.on({ onUpsert: (q: Quota) => {
    const p = src.projects.list().find((x) => projectNamespace(x.metadata.name) === q.metadata.namespace);
    if (p) enqueue(p.metadata.name);
  } });
  src.quotaClasses.on({ onUpsert: () => src.projects.list().forEach((p) => enqueue(p.metadata.name)) });
}

/** Applies the project's ResourceQuota once its namespace exists (a project being deleted is left alone). */
export function resourceQuotaReconciler(d: { kube: KubeClient; projects: ObjectCache<Project>; quotas: ObjectCache<Quota>; quotaClasses: Sources['quotaClasses'] }): ReconcileFn {
  return async (key) => {
    const project = d.projects.get(key);
    if (!project?.status?.namespace || project.metadata.deletionTimestamp) return {};
    const ns = project.status.namespace;
    const quotas = { compute: d.quotas.get('compute', ns), volume: d.quotas.get('volume', ns), computeClass: d.quotaClasses.get('compute.default'), volumeClass: d.quotaClasses.get('volume.default') };
    await d.kube.apply(Resources.ResourceQuota, desiredResourceQuota(ns, quotas), OPERATOR_FIELD_MANAGER);
    return {};
  };
}

export const resourceQuotaController = defineController({
  name: RESOURCE_QUOTA_CONTROLLER,
  primary: 'projects',
  informers: RESOURCE_QUOTA_CACHES,
  watch: watchResourceQuotas,
  newReconciler: ({ kube, caches }) => resourceQuotaReconciler({ kube, ...caches }),
});
