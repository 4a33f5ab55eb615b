// Schemas of /os-services, as Nova's schemas/services.py for the versions advertised (2.1; from
// 2.11 forced_down in each service and the force-down update; from 2.53 uuids, and the update of
// one service by its uuid with status, disabled_reason and forced_down).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, strictObject } from '../../../common/parameter-types.js';

/** Nova's parameter_types.fqdn: a hostname-ish string. */
export const hostName = Type.String({ minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9-._]*$' });
/** Nova's parameter_types.boolean: JSON booleans and their usual spellings. */
export const novaBoolean = Type.Union([
  Type.Boolean(),
  Type.String({ enum: ['True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no'] }),
]);

export const listComputeServicesQuery = querySchema({ host: queryString, binary: queryString });

const reason = Type.String({ minLength: 1, maxLength: 255 });

/** The 2.1 body (host and binary name the service), with forced_down from 2.11. */
export const updateByHostBody = Type.Object({
  host: hostName,
  binary: Type.String({ minLength: 1, maxLength: 255 }),
  disabled_reason: Type.Optional(reason),
  forced_down: Type.Optional(novaBoolean),
}, { additionalProperties: false });

/** The 2.53 body: the path's uuid names the service; nothing is required (checked in code). */
export const updateByIdBody = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('enabled'), Type.Literal('disabled')])),
  disabled_reason: Type.Optional(reason),
  forced_down: Type.Optional(novaBoolean),
}, { additionalProperties: false });

/** Either version's body; the handler holds each version to its own. */
export const updateComputeServiceBody = Type.Union([updateByHostBody, updateByIdBody]);

const computeService = strictObject({
  /** An integer below 2.53, a uuid from it. */
  id: Type.Union([Type.Integer(), Type.String()]),
  binary: Type.String(),
  host: Type.String(),
  zone: Type.String(),
  status: Type.Union([Type.Literal('enabled'), Type.Literal('disabled')]),
  state: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  updated_at: Type.Union([Type.String(), Type.Null()]),
  disabled_reason: Type.Union([Type.String(), Type.Null()]),
  forced_down: Type.Optional(Type.Boolean()),
});

export const listComputeServicesResponse = strictObject({ services: Type.Array(computeService) });

/** The answer of the 2.1 actions: what was asked (status and reason, or forced_down); from 2.53 the service. */
export const updateComputeServiceResponse = strictObject({
  service: Type.Union([
    computeService,
    strictObject({ host: Type.String(), binary: Type.String(), status: Type.Union([Type.Literal('enabled'), Type.Literal('disabled')]), disabled_reason: Type.Optional(Type.String()) }),
    strictObject({ host: Type.String(), binary: Type.String(), forced_down: Type.Boolean() }),
  ]),
});

export type ComputeService = Static<typeof computeService>;
export type ComputeServiceUpdate = Static<typeof updateComputeServiceBody>;
export type UpdateByHost = Static<typeof updateByHostBody>;
export type UpdateById = Static<typeof updateByIdBody>;
