// The standard attributes every Neutron body carries, from any of our CRs: the owner (tenant_id
// and project_id), tags, timestamps (created_at from the CR, updated_at from spec.updatedAt, set by
// the API on each change) and revision_number (the CR's generation, bumped by every spec change).
import type { ObjectMeta } from '../../../../crds/kube-object.js';
import { isoSeconds } from '../../common/time.js';

export interface StandardFields {
  tenant_id: string;
  project_id: string;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export function standardFields(obj: { metadata: ObjectMeta; spec: { projectId: string; tags?: string[]; updatedAt?: string } }): StandardFields {
  const created = isoSeconds(obj.metadata.creationTimestamp ?? new Date());
  return {
    tenant_id: obj.spec.projectId,
    project_id: obj.spec.projectId,
    tags: obj.spec.tags ?? [],
    created_at: created,
    updated_at: obj.spec.updatedAt ? isoSeconds(obj.spec.updatedAt) : created,
    revision_number: obj.metadata.generation ?? 1,
  };
}
