// Response schemas for a flavor's extra specs (Tempest's compute/v2_1/flavors_extra_specs.py).
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

const specs = Type.Record(Type.String(), Type.String());

export const listFlavorExtraSpecsResponse = strictObject({ extra_specs: specs });
/** One key: `{"<key>": "<value>"}`. */
export const showFlavorExtraSpecResponse = Type.Record(Type.String(), Type.String(), { minProperties: 1, maxProperties: 1 });
