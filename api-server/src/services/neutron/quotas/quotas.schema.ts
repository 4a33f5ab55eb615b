// Schemas of Neutron's /v2.0/quotas: the limits of each counted resource, their details
// ({used, limit, reserved}), the admin's list and update. Values may come as digit strings, as
// Neutron's convert_to_int takes them; the handlers check the range.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { responseObject, strictObject } from '../../../common/parameter-types.js';
import { NETWORK_RESOURCES, type NetworkResource } from './quotas.admission.js';

function perResource<T extends TSchema>(value: T): Record<NetworkResource, T> {
  return Object.fromEntries(NETWORK_RESOURCES.map((r) => [r, value])) as Record<NetworkResource, T>;
}

const limitValue = Type.Union([Type.Integer(), Type.String({ maxLength: 32 })]);
const flag = Type.Union([Type.Boolean(), Type.String({ maxLength: 8 })]);

export const updateQuotaBody = strictObject({
  quota: Type.Object(
    {
      ...perResource(Type.Optional(limitValue)),
      /** quota-check-limit: refuse a limit below what is in use. */
      check_limit: Type.Optional(flag),
      project_id: Type.Optional(Type.String({ maxLength: 255 })),
      tenant_id: Type.Optional(Type.String({ maxLength: 255 })),
    },
    { additionalProperties: false },
  ),
});
export type UpdateQuotaRequest = Static<typeof updateQuotaBody>['quota'];

export const quotaLimits = strictObject(perResource(Type.Integer({ minimum: -1 })));
const detail = strictObject({ used: Type.Integer({ minimum: 0 }), limit: Type.Integer({ minimum: -1 }), reserved: Type.Integer({ minimum: 0 }) });

export const showQuotaResponse = responseObject({ quota: quotaLimits });
export const showQuotaDetailsResponse = responseObject({ quota: strictObject(perResource(detail)) });
export const listQuotasResponse = responseObject({
  quotas: Type.Array(strictObject({ ...perResource(Type.Integer({ minimum: -1 })), project_id: Type.String(), tenant_id: Type.String() })),
});
