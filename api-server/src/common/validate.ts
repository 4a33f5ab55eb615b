// One ajv instance for the whole server, so every schema is compiled once and cached.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** Any JSON schema object: TypeBox schemas, or plain objects. */
export type JsonSchema = object;

export const ajv = new Ajv({ allErrors: false, strict: false, coerceTypes: false, useDefaults: false });

const cache = new WeakMap<JsonSchema, ValidateFunction>();

export function compileSchema(schema: JsonSchema): ValidateFunction {
  let fn = cache.get(schema);
  if (!fn) cache.set(schema, (fn = ajv.compile(schema)));
  return fn;
}

/** A message that names the field and the rule, as Nova's validation errors do. */
export function describeError(where: string, err: ErrorObject | undefined): string {
  if (!err) return `Invalid input for ${where}.`;
  const path = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : where;
  if (err.keyword === 'additionalProperties') {
    const extra = (err.params as { additionalProperty: string }).additionalProperty;
    return `Additional properties are not allowed ('${extra}' was unexpected) in ${path}.`;
  }
  if (err.keyword === 'required') {
    return `'${(err.params as { missingProperty: string }).missingProperty}' is a required property in ${path}.`;
  }
  return `Invalid input for field/attribute ${path}. Value failed: ${err.message ?? 'validation'}.`;
}

/** Returns undefined when valid, else a client-facing message. */
export function check(schema: JsonSchema, value: unknown, where: string): string | undefined {
  const fn = compileSchema(schema);
  return fn(value) ? undefined : describeError(where, fn.errors?.[0]);
}
