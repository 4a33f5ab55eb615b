// Nova's flavor_manage request schemas: create (every version's keys; description from 2.55) and
// 2.55's update of the description. Numbers may come as integers or digit strings, as Nova's
// flavor_param_positive and flavor_param_non_negative allow.
import { Type, type Static, type TInteger, type TString, type TUnion } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';
import { showFlavorResponse } from '../flavors/flavors.schema.js';

const whole = (minimum: number): TUnion<[TInteger, TString]> => Type.Union([Type.Integer({ minimum, maximum: 2147483647 }), Type.String({ pattern: '^[0-9]+$' })]);
/** Nova's parameter_types.boolean: a boolean or one of its spellings. */
export const NOVA_TRUE = ['True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes'];
const NOVA_FALSE = ['False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no'];
const novaBoolean = Type.Union([Type.Boolean(), ...[...NOVA_TRUE, ...NOVA_FALSE].map((w) => Type.Literal(w))]);
const description = Type.Union([Type.String({ maxLength: 65535 }), Type.Null()]);

export const createFlavorBody = strictObject({
  flavor: strictObject({
    name: Type.String({ minLength: 1, maxLength: 255, pattern: '^\\S(.*\\S)?$' }),
    // Nova's schema lets the id be a number too (its string form is the id).
    id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 255, pattern: '^(?! )[a-zA-Z0-9. _-]+(?<! )$' }), Type.Number(), Type.Null()])),
    ram: whole(1),
    vcpus: whole(1),
    disk: whole(0),
    'OS-FLV-EXT-DATA:ephemeral': Type.Optional(whole(0)),
    swap: Type.Optional(Type.Union([whole(0), Type.Literal('')])),
    rxtx_factor: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 3.40282e38 }), Type.String({ pattern: '^[0-9]*\\.?[0-9]+$' })])),
    'os-flavor-access:is_public': Type.Optional(novaBoolean),
    description: Type.Optional(description),
  }),
});
export type CreateFlavorRequest = Static<typeof createFlavorBody>['flavor'];

export const updateFlavorBody = strictObject({ flavor: strictObject({ description }) });
export type UpdateFlavorBody = Static<typeof updateFlavorBody>;

export const flavorResponse = showFlavorResponse;
