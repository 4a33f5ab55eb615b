// Server-side apply for the child objects a controller owns (Pods, Namespaces), under the
// operator's field manager. Two rules keep it safe and cheap:
// - A missing child is created with a plain create, not an apply: create fails on a same-named
//   object that is not ours, where a forced apply would silently take it over (adopt it).
// - An existing child is re-applied only when a field we own drifted (a label, annotation or our
//   controller ownerReference that someone removed or changed); a pass over an unchanged world
//   sends nothing. Fields others added are not drift: apply leaves them alone.
import type { KubeObject, ObjectMeta, OwnerReference } from '../../../crds/kube-object.js';
import { isAlreadyExists, type KubeClient } from '../../../crds/client/client.js';
import { OPERATOR_FIELD_MANAGER } from '../../../crds/naming.js';
import { typeMeta, type ResourceType } from '../../../crds/resources.js';
import { stableStringify } from './objects.js';

/** The metadata fields a controller owns on its children. */
export type OwnedMetadata = Pick<ObjectMeta, 'name' | 'namespace' | 'labels' | 'annotations' | 'ownerReferences'>;

function mapDrifted(want: Record<string, string> | undefined, have: Record<string, string> | undefined): boolean {
  return Object.entries(want ?? {}).some(([k, v]) => have?.[k] !== v);
}

function sameRef(a: OwnerReference, b: OwnerReference): boolean {
  return a.uid === b.uid && a.kind === b.kind && a.apiVersion === b.apiVersion && a.name === b.name && a.controller === b.controller;
}

/** Whether observed lacks (or contradicts) a label, annotation or ownerReference that desired sets. */
export function metadataDrifted(desired: OwnedMetadata, observed: ObjectMeta): boolean {
  if (mapDrifted(desired.labels, observed.labels) || mapDrifted(desired.annotations, observed.annotations)) return true;
  const refs = observed.ownerReferences ?? [];
  return (desired.ownerReferences ?? []).some((want) => !refs.some((have) => sameRef(want, have)));
}

/** Only the owned metadata of desired, as an apply configuration (spec left out). */
export function metadataApplyConfig(res: ResourceType, desired: KubeObject): KubeObject {
  const { name, namespace, labels, annotations, ownerReferences } = desired.metadata;
  const metadata: OwnedMetadata = { name, namespace, labels, annotations, ownerReferences };
  return { ...typeMeta(res), metadata: JSON.parse(JSON.stringify(metadata)) as OwnedMetadata };
}

/**
 * Re-applies the owned metadata of desired when observed drifted from it; returns the object as
 * stored afterwards (observed itself when nothing was sent). Only metadata is applied: a Pod's
 * spec is immutable, and leaving spec out of the apply configuration never asks to change it.
 */
export async function correctMetadataDrift<T extends KubeObject>(kube: KubeClient, res: ResourceType, desired: KubeObject, observed: T): Promise<T> {
  if (!metadataDrifted(desired.metadata, observed.metadata)) return observed;
  // The apiserver answers an apply with the whole object, so the result is a full T.
  return (await kube.apply<KubeObject>(res, metadataApplyConfig(res, desired), OPERATOR_FIELD_MANAGER)) as T;
}

/**
 * Creates a missing child with a plain create (never an apply, see above). When it exists already
 * (another pass, or the cache lagging behind) the live object comes back, with `created` false,
 * for the caller to check that it controls it; a 409 whose object is gone again is rethrown.
 */
export async function createOrGet<T extends KubeObject>(kube: KubeClient, res: ResourceType, desired: T): Promise<{ object: T; created: boolean }> {
  try {
    return { object: await kube.create<T>(res, desired), created: true };
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const live = await kube.get<T>(res, desired.metadata.name, desired.metadata.namespace);
    if (!live) throw err;
    return { object: live, created: false };
  }
}

/**
 * Keeps a child we control as its builder decides: re-applies the whole desired object when the
 * part the builder decides (`decided`, the spec by default) or our metadata drifted, and sends
 * nothing otherwise. A child being deleted is left to go.
 */
export async function keepApplied<T extends KubeObject>(kube: KubeClient, res: ResourceType, child: { desired: T; observed: T; decided: (o: T) => unknown }): Promise<T> {
  const { desired, observed, decided } = child;
  if (observed.metadata.deletionTimestamp) return observed;
  if (stableStringify(decided(desired)) === stableStringify(decided(observed)) && !metadataDrifted(desired.metadata, observed.metadata)) return observed;
  return kube.apply<T>(res, desired, OPERATOR_FIELD_MANAGER);
}
