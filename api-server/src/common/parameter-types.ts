// Reusable schema fragments, as Nova's validation/parameter_types.py. Written with TypeBox, so the
// request types handlers see are derived from the schemas (Static<typeof schema>).
import { Type, type TObject, type TOptional, type TProperties, type TUnion, type TUnsafe, type TString, type TArray } from '@sinclair/typebox';
import { MAX_PATTERN_LENGTH } from './safe-regex.js';

export const uuid = Type.String({
  pattern: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$',
});
export const name = Type.String({ minLength: 1, maxLength: 255, pattern: '^(?!\\s)[\\s\\S]*(?<!\\s)$' });
export const description = Type.Union([Type.String({ maxLength: 255 }), Type.Null()]);
/**
 * No count here, as in Nova's and Cinder's schemas: how many items a server may hold is Nova's
 * metadata_items quota, a 403 from the handlers (quota-sets.admission.ts#checkMetadataQuota).
 */
export const metadata: TUnsafe<Record<string, string>> = Type.Unsafe<Record<string, string>>({
  type: 'object',
  propertyNames: { type: 'string', minLength: 1, maxLength: 255 },
  additionalProperties: { type: 'string', maxLength: 255 },
});

/** Query values arrive as strings, or as arrays of strings when a key repeats. */
export const queryString = Type.Union([Type.String(), Type.Array(Type.String())]);
export const queryInt = Type.String({ pattern: '^[0-9]+$' });
/**
 * A regular-expression filter (Nova's common_query_regex_param), once or repeated. Capped at
 * MAX_PATTERN_LENGTH: a longer pattern is a 400 before any matching starts (see safe-regex.ts).
 */
export const queryPattern: TUnion<[TString, TArray<TString>]> = Type.Union([
  Type.String({ maxLength: MAX_PATTERN_LENGTH }),
  Type.Array(Type.String({ maxLength: MAX_PATTERN_LENGTH })),
]);
/** A query value restricted to a list (Nova's sort_key enums), once or repeated. */
export function queryEnum(values: readonly string[]): TUnsafe<string | string[]> {
  const one = { type: 'string', enum: [...values] };
  return Type.Unsafe<string | string[]>({ anyOf: [one, { type: 'array', items: one }] });
}

/** A query schema: every known key optional and typed, unknown keys ignored (as Nova does). */
export function querySchema<P extends TProperties>(props: P): TObject<{ [K in keyof P]: TOptional<P[K]> }> {
  const optional = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof P]: TOptional<P[K]> };
  return Type.Object(optional, { additionalProperties: true });
}

/** A body object with additionalProperties: false, as every Nova schema declares. */
export function strictObject<P extends TProperties>(props: P): TObject<P> {
  return Type.Object(props, { additionalProperties: false });
}

export const noQuery = querySchema({});

/** A response object whose listed keys must be present; further keys are allowed (extensions). */
export function responseObject<P extends TProperties>(props: P): TObject<P> {
  return Type.Object(props, { additionalProperties: true });
}

/** A string timestamp in ISO 8601 (RFC 3339 in practice). */
export const isoTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}' });
/** A link object as Nova, Keystone and Glance return them. */
export const link = Type.Object({ rel: Type.String(), href: Type.String() }, { additionalProperties: true });
export const links = Type.Array(link);
