// Response-schema fragments every Keystone resource uses (Keystone's own shapes, so they live
// here rather than in the services' shared parameter-types).
import { Type, type TArray, type TObject, type TSchema } from '@sinclair/typebox';
import { responseObject } from '../../common/parameter-types.js';

export const nullableString = Type.Union([Type.String(), Type.Null()]);

/** {id, name} of a domain, as tokens and role assignments embed it. */
export const domainRefSchema = responseObject({ id: Type.String(), name: Type.String() });

/** An entity's links: Keystone gives each one its self URL. */
export const selfLinkSchema = responseObject({ self: Type.String() });

/** Keystone's "options" map (resource options such as ignore_lockout_failure_attempts). */
export const optionsSchema = Type.Record(Type.String(), Type.Unknown());

export const collectionLinksSchema = responseObject({ self: Type.String(), next: nullableString, previous: nullableString });

type CollectionProps<K extends string, T extends TSchema> = Record<K, TArray<T>> & { links: typeof collectionLinksSchema };

/** A Keystone collection: `{<key>: [item…], links: {self, next, previous}}`. */
export function keystoneCollection<K extends string, T extends TSchema>(key: K, item: T): TObject<CollectionProps<K, T>> {
  const props = { [key]: Type.Array(item), links: collectionLinksSchema } as CollectionProps<K, T>;
  return responseObject(props);
}

/** expires_at / issued_at: Tempest accepts only %Y-%m-%dT%H:%M:%S.%fZ or %Y-%m-%dT%H:%M:%SZ. */
export const keystoneTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z$' });
