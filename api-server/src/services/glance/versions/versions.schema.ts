// Response schema of Glance's version list.
import { Type } from '@sinclair/typebox';
import { links, responseObject } from '../../../common/parameter-types.js';

export const listVersionsResponse = responseObject({
  versions: Type.Array(responseObject({ id: Type.String(), status: Type.String(), links })),
});
