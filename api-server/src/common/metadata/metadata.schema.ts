// Bodies of the metadata sub-collections of servers, volumes and snapshots (Nova's and Cinder's
// metadata schemas agree).
import { Type } from '@sinclair/typebox';
import { metadata, responseObject, strictObject } from '../parameter-types.js';

export const metadataBody = strictObject({ metadata });
export const metaItemBody = strictObject({ meta: metadata });
export const metadataResponse = responseObject({ metadata: Type.Record(Type.String(), Type.String()) });
export const metaItemResponse = responseObject({ meta: Type.Record(Type.String(), Type.String()) });
