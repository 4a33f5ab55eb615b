// Adding and removing our finalizer with a JSON merge patch. The patch carries the object's
// resourceVersion, so the apiserver rejects it (409) if the list changed since it was read, and
// another controller's finalizer can never be dropped by accident.
import type { KubeObject } from '../../../crds/kube-object.js';
import { isNotFound, type KubeClient } from '../../../crds/client/client.js';
import { FINALIZER } from '../../../crds/naming.js';
import type { ResourceType } from '../../../crds/resources.js';

export function hasFinalizer(obj: KubeObject, finalizer = FINALIZER): boolean {
  return (obj.metadata.finalizers ?? []).includes(finalizer);
}

function patchFinalizers(obj: KubeObject, finalizers: string[]): object {
  return { metadata: { finalizers, resourceVersion: obj.metadata.resourceVersion } };
}

/** Adds the finalizer if missing; returns the object as stored afterwards. */
export async function addFinalizer<T extends KubeObject>(
  kube: KubeClient,
  res: ResourceType,
  obj: T,
  finalizer = FINALIZER,
): Promise<T> {
  if (hasFinalizer(obj, finalizer)) return obj;
  const next = [...(obj.metadata.finalizers ?? []), finalizer];
  return kube.mergePatch<T>(res, obj.metadata.name, obj.metadata.namespace, patchFinalizers(obj, next));
}

/** Removes the finalizer if present. A NotFound object is fine: it is already gone. */
export async function removeFinalizer<T extends KubeObject>(
  kube: KubeClient,
  res: ResourceType,
  obj: T,
  finalizer = FINALIZER,
): Promise<void> {
  if (!hasFinalizer(obj, finalizer)) return;
  const next = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  try {
    await kube.mergePatch<T>(res, obj.metadata.name, obj.metadata.namespace, patchFinalizers(obj, next));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
