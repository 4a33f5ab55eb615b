// Reusable JSON-schema fragments, as Nova's validation/parameter_types.py.
import type { JsonSchema } from './validate.js';

export const uuid: JsonSchema = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$',
};
export const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 255, pattern: '^(?!\\s)[\\s\\S]*(?<!\\s)$' };
export const nameAllowWhitespace: JsonSchema = { type: 'string', minLength: 1, maxLength: 255 };
export const description: JsonSchema = { type: ['string', 'null'], maxLength: 255 };
export const metadata: JsonSchema = {
  type: 'object',
  maxProperties: 128,
  propertyNames: { type: 'string', minLength: 1, maxLength: 255 },
  additionalProperties: { type: 'string', maxLength: 255 },
};
/** Query values arrive as strings, or as arrays of strings when a key repeats. */
export const queryString: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
export const queryInt: JsonSchema = { type: 'string', pattern: '^[0-9]+$' };
export const queryBool: JsonSchema = {
  type: 'string',
  pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|1|0|[Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff]|[Tt]|[Ff]|[Nn][Oo][Nn][Ee])$',
};

/** A query schema: known keys typed, unknown keys ignored (Nova ignores unknown filters). */
export function querySchema(props: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', properties: props, additionalProperties: true };
}

/** A body schema with additionalProperties: false at the top, as every Nova schema declares. */
export function bodySchema(props: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { type: 'object', properties: props, required, additionalProperties: false };
}

export const noQuery: JsonSchema = querySchema({});
