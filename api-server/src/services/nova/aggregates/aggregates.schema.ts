// Schemas of /os-aggregates, as Nova's schemas/aggregates.py (2.1; uuid from 2.41).
import { Type, type Static } from '@sinclair/typebox';
import { name, strictObject } from '../../../common/parameter-types.js';
import { hostName } from '../compute-services/compute-services.schema.js';

/** Nova's az_name: a name that may not hold ':' (the separator of zone:host[:node] hints). */
const azName = Type.String({ minLength: 1, maxLength: 255, pattern: '^[^:]*$' });
const nullableAz = Type.Union([azName, Type.Null()]);
/** Nova's metadata_with_null: keys of letters, digits and -_:. and space; a null value deletes the key. */
const metadataWithNull = Type.Unsafe<Record<string, string | null>>({
  type: 'object',
  patternProperties: { '^[a-zA-Z0-9-_:. ]{1,255}$': { type: ['string', 'null'], maxLength: 255 } },
  additionalProperties: false,
});

export const createAggregateBody = strictObject({ aggregate: strictObject({ name, availability_zone: Type.Optional(nullableAz) }) });
export const updateAggregateBody = strictObject({
  aggregate: Type.Object(
    { name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })), availability_zone: Type.Optional(nullableAz) },
    { additionalProperties: false, anyOf: [{ required: ['name'] }, { required: ['availability_zone'] }] },
  ),
});

/** POST /os-aggregates/{id}/action: one of add_host, remove_host, set_metadata. */
export const aggregateActionBody = Type.Union([
  strictObject({ add_host: strictObject({ host: hostName }) }),
  strictObject({ remove_host: strictObject({ host: hostName }) }),
  strictObject({ set_metadata: strictObject({ metadata: metadataWithNull }) }),
]);

const timestamps = {
  created_at: Type.String(),
  updated_at: Type.Union([Type.String(), Type.Null()]),
  deleted: Type.Boolean(),
  deleted_at: Type.Union([Type.String(), Type.Null()]),
};
const createdAggregate = strictObject({
  id: Type.Integer(),
  name: Type.String(),
  availability_zone: Type.Union([Type.String(), Type.Null()]),
  ...timestamps,
  uuid: Type.Optional(Type.String()),
});
const aggregate = strictObject({ ...createdAggregate.properties, hosts: Type.Array(Type.String()), metadata: Type.Record(Type.String(), Type.String()) });

export const createAggregateResponse = strictObject({ aggregate: createdAggregate });
export const showAggregateResponse = strictObject({ aggregate });
export const listAggregatesResponse = strictObject({ aggregates: Type.Array(aggregate) });

export type CreatedAggregateView = Static<typeof createdAggregate>;
export type AggregateView = Static<typeof aggregate>;
export type AggregateAction = Static<typeof aggregateActionBody>;
export type CreateAggregateRequest = Static<typeof createAggregateBody>['aggregate'];
export type UpdateAggregateRequest = Static<typeof updateAggregateBody>['aggregate'];
