// Response schemas of Neutron's discovery documents.
import { Type } from '@sinclair/typebox';
import { links, responseObject } from '../../../common/parameter-types.js';

export const listVersionsResponse = responseObject({
  versions: Type.Array(responseObject({ id: Type.String(), status: Type.String(), links })),
});

export const listResourcesResponse = responseObject({
  resources: Type.Array(responseObject({ name: Type.String(), collection: Type.String(), links })),
});
