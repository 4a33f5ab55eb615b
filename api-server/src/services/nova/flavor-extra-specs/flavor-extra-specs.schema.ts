// Response schemas for a flavor's extra specs (Tempest's compute/v2_1/flavors_extra_specs.py).
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

const specs = Type.Record(Type.String(), Type.String());

export const listFlavorExtraSpecsResponse = strictObject({ extra_specs: specs });
/** One key: `{"<key>": "<value>"}`. */
export const showFlavorExtraSpecResponse = Type.Record(Type.String(), Type.String(), { minProperties: 1, maxProperties: 1 });

/** Nova's extra spec key and value: a key of letters, digits, '-', '_', ':', '.' and spaces; a value a string, number or boolean. */
const key = Type.String({ pattern: '^[a-zA-Z0-9-_:. ]{1,255}$' });
const value = Type.Union([Type.String({ maxLength: 255 }), Type.Number(), Type.Boolean()]);

export const createFlavorExtraSpecsBody = strictObject({ extra_specs: Type.Record(key, value, { additionalProperties: false }) });
/** PUT's body names exactly the key of its URI (checked by the handler, with Nova's messages). */
export const updateFlavorExtraSpecBody = Type.Record(Type.String(), value, { minProperties: 1 });
