// A subnet id → CIDR map kept as JSON in one annotation of the object that serializes its writes
// (a Network for its subnets, a SubnetPool for the subnets allocated from it): callers change it
// by read-modify-write under the object's resourceVersion, so replicas never both win a race.
import type { KubeObject } from '../../../../../crds/kube-object.js';

/** The map as recorded; a missing or unreadable annotation is an empty one. */
export function readCidrMap(obj: KubeObject, annotation: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(obj.metadata.annotations?.[annotation] ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The object with the map recorded in the annotation (a copy; the input is left alone). */
export function withCidrMap<T extends KubeObject>(obj: T, annotation: string, map: Record<string, string>): T {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, [annotation]: JSON.stringify(map) } } };
}
