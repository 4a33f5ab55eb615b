// Small helpers on Kubernetes objects shared by the controllers: cache reads, controller
// ownerReferences, and semantic comparison of status objects.
import type { KubeObject, OwnerReference } from '../../../crds/kube-object.js';
import type { InformerHandler } from '../../../crds/client/informer.js';
import { apiVersionOf, objectKey, type ResourceType } from '../../../crds/resources.js';

/** The read side of an informer; Informer<T> satisfies it. */
export interface ObjectCache<T> {
  get(name: string, namespace?: string): T | undefined;
  list(namespace?: string): T[];
}

/** An informer as watches see it: a cache plus event handlers. */
export interface Watchable<T> extends ObjectCache<T> {
  on(handler: InformerHandler<T>): void;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name);
}

/** The ownerReference that makes owner the controller of its dependents. */
export function controllerReference(res: ResourceType, owner: KubeObject): OwnerReference {
  return {
    apiVersion: apiVersionOf(res),
    kind: res.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerOf(obj);
  return ref !== undefined && ref.uid === owner.metadata.uid;
}

/** The key of obj's controller when it is of the given kind (same namespace for namespaced kinds). */
export function controllerKey(obj: KubeObject, res: ResourceType): string | undefined {
  const ref = controllerOf(obj);
  if (!ref || ref.kind !== res.kind || ref.apiVersion !== apiVersionOf(res)) return undefined;
  return objectKey(res.namespaced ? obj.metadata.namespace : undefined, ref.name);
}

/** JSON with sorted keys, so that two objects differing only in key order compare equal. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/**
 * Whether two status objects mean the same thing: key order, undefined members and condition
 * transition times are ignored.
 */
export function statusEqual(a: object | undefined, b: object | undefined): boolean {
  return stableStringify(semantic(a ?? {})) === stableStringify(semantic(b ?? {}));
}

function semantic(status: object): object {
  const s = status as { conditions?: { lastTransitionTime?: string }[] };
  if (!Array.isArray(s.conditions)) return status;
  return { ...status, conditions: s.conditions.map((c) => ({ ...c, lastTransitionTime: undefined })) };
}
