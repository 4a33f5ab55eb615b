// Schemas of Cinder's os-quota-sets and os-quota-class-sets: values may be integers or their
// strings (Cinder's validate_integer); the keys are checked by the handlers against the
// resources Cinder counts (per volume type keys exist only for types that exist).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';

const value = Type.Union([Type.Integer(), Type.String({ maxLength: 32 })]);
const flag = Type.Union([Type.Boolean(), Type.String({ maxLength: 8 })]);

export const showQuotaSetQuery = querySchema({ usage: queryString });

export const updateQuotaSetBody = Type.Object(
  {
    quota_set: Type.Object(
      {
        /** OSC sends the project again; Cinder ignores it (NON_QUOTA_KEYS). */
        tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
        id: Type.Optional(Type.String({ maxLength: 255 })),
        /** False: a limit below what is in use is refused. */
        skip_validation: Type.Optional(flag),
      },
      { additionalProperties: value },
    ),
  },
  { additionalProperties: false },
);
export type UpdateQuotaSetRequest = Static<typeof updateQuotaSetBody>['quota_set'];

export const updateQuotaClassSetBody = Type.Object({ quota_class_set: Type.Record(Type.String(), value) }, { additionalProperties: false });

const limits = Type.Record(Type.String(), Type.Integer({ minimum: -1 }));
const usage = Type.Object({ limit: Type.Integer(), in_use: Type.Integer(), reserved: Type.Integer(), allocated: Type.Integer() }, { additionalProperties: false });

export const showQuotaSetResponse = responseObject({ quota_set: Type.Intersect([Type.Object({ id: Type.String() }), Type.Record(Type.String(), Type.Union([Type.Integer(), Type.String(), usage]))]) });
export const updateQuotaSetResponse = responseObject({ quota_set: limits });
export const showQuotaClassSetResponse = responseObject({ quota_class_set: Type.Intersect([Type.Object({ id: Type.String() }), Type.Record(Type.String(), Type.Union([Type.Integer(), Type.String()]))]) });
export const updateQuotaClassSetResponse = responseObject({ quota_class_set: limits });
